using Squall.ZooKeeper.Recipes;
using Squall.ZooKeeper.Tests.Infrastructure;

namespace Squall.ZooKeeper.Tests.Integration;

/// <summary>Digest authentication and ACLs against the real server: who may read, who may write, and after a reconnect.</summary>
[Trait("Category", "Integration")]
public sealed class AclTests : IAsyncLifetime
{
    private const string Owner = "squall:owner-secret";
    private const string Reader = "worker:reader-secret";
    private ZooKeeperServer _server = null!;

    public async Task InitializeAsync() => _server = await ZooKeeperServer.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_node_created_with_a_digest_acl_is_closed_to_everyone_else()
    {
        await using var owner = await ConnectAsync(Owner, ZooKeeperAcl.CreatorAll);
        await owner.CreateWithParentsAsync("/squall/topologies/t1", "secret"u8.ToArray());

        (await owner.GetDataAsync("/squall/topologies/t1")).Data.ShouldBe("secret"u8.ToArray());
        var acl = (await owner.GetAclAsync("/squall/topologies/t1")).ShouldHaveSingleItem();
        acl.ShouldBe(ZooKeeperAcl.Digest(Owner, ZooKeeperPermissions.All));
        (await owner.GetAclAsync("/squall")).ShouldHaveSingleItem().Scheme.ShouldBe("digest");

        await using var anonymous = await ZooKeeperClient.ConnectAsync(_server.ConnectionString);
        await Should.ThrowAsync<NoAuthException>(() => anonymous.GetDataAsync("/squall/topologies/t1"));
        await Should.ThrowAsync<NoAuthException>(() => anonymous.SetDataAsync("/squall/topologies/t1", "mine"u8.ToArray()));
        await Should.ThrowAsync<NoAuthException>(() => anonymous.CreateAsync("/squall/topologies/fake", "x"u8.ToArray()));
        await Should.ThrowAsync<NoAuthException>(() => anonymous.DeleteAsync("/squall/topologies/t1"));

        await using var wrongPassword = await ConnectAsync("squall:guessed", ZooKeeperAcl.CreatorAll);
        await Should.ThrowAsync<NoAuthException>(() => wrongPassword.GetDataAsync("/squall/topologies/t1"));

        await using var sameIdentity = await ConnectAsync(Owner, ZooKeeperAcl.CreatorAll);
        (await sameIdentity.GetDataAsync("/squall/topologies/t1")).Data.ShouldBe("secret"u8.ToArray());
    }

    [Fact]
    public async Task A_second_identity_can_be_given_read_only_access_to_one_node()
    {
        await using var owner = await ConnectAsync(Owner, ZooKeeperAcl.CreatorAll);
        await owner.CreateWithParentsAsync("/squall/assignments/t1", "assignment"u8.ToArray(), CreateMode.Persistent,
            [ZooKeeperAcl.Digest(Owner, ZooKeeperPermissions.All), ZooKeeperAcl.Digest(Reader, ZooKeeperPermissions.Read)]);
        await owner.CreateAsync("/squall/assignments/t2", "other"u8.ToArray());

        await using var reader = await ConnectAsync(Reader, ZooKeeperAcl.CreatorAll);
        (await reader.GetDataAsync("/squall/assignments/t1")).Data.ShouldBe("assignment"u8.ToArray());
        await Should.ThrowAsync<NoAuthException>(() => reader.SetDataAsync("/squall/assignments/t1", "forged"u8.ToArray()));
        await Should.ThrowAsync<NoAuthException>(() => reader.GetDataAsync("/squall/assignments/t2"));

        await owner.SetAclAsync("/squall/assignments/t2", [ZooKeeperAcl.Digest(Owner, ZooKeeperPermissions.All), ZooKeeperAcl.Digest(Reader, ZooKeeperPermissions.Read)]);
        (await reader.GetDataAsync("/squall/assignments/t2")).Data.ShouldBe("other"u8.ToArray());
    }

    [Fact]
    public async Task Credentials_are_presented_again_after_the_server_restarts()
    {
        await using var owner = await ConnectAsync(Owner, ZooKeeperAcl.CreatorAll, TimeSpan.FromSeconds(30));
        var states = new EventRecorder<ConnectionState>();
        owner.StateChanged += (_, e) => states.Add(e.State);
        await owner.CreateAsync("/private", "v1"u8.ToArray());

        await _server.KillAsync();
        await states.UntilAsync(s => s == ConnectionState.Disconnected);
        await _server.StartAsync();
        await states.UntilAsync(s => s == ConnectionState.Connected);

        (await owner.GetDataAsync("/private")).Data.ShouldBe("v1"u8.ToArray());
        await owner.SetDataAsync("/private", "v2"u8.ToArray());
    }

    [Fact]
    public void A_digest_acl_holds_the_hash_not_the_password()
    {
        // As ZooKeeper computes it: echo -n 'super:superpw' | openssl sha1 -binary | base64
        var acl = ZooKeeperAcl.Digest("super:superpw", ZooKeeperPermissions.Read);
        acl.Id.ShouldBe("super:g9oN2HttPfn8MMWJZ2r45Np/LIA=");
        acl.Scheme.ShouldBe("digest");
        Should.Throw<ArgumentException>(() => ZooKeeperAcl.Digest("no-colon", ZooKeeperPermissions.All));
    }

    private Task<ZooKeeperClient> ConnectAsync(string digest, IReadOnlyList<ZooKeeperAcl> defaultAcl, TimeSpan? sessionTimeout = null) =>
        ZooKeeperClient.ConnectAsync(new ZooKeeperClientOptions
        {
            ConnectionString = _server.ConnectionString,
            SessionTimeout = sessionTimeout ?? TimeSpan.FromSeconds(10),
            Auth = [ZooKeeperAuth.Digest(digest)],
            DefaultAcl = defaultAcl,
        });
}
