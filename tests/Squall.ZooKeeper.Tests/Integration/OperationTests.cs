using Squall.ZooKeeper.Tests.Infrastructure;

namespace Squall.ZooKeeper.Tests.Integration;

[Collection(ZooKeeperCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OperationTests(ZooKeeperFixture fixture) : ChrootedTest(fixture)
{
    [Fact]
    public async Task Create_then_GetData_returns_the_data_and_a_stat()
    {
        var path = await Client.CreateAsync("/node", Bytes("hello"));

        path.ShouldBe("/node");
        var node = await Client.GetDataAsync("/node");
        node.Data.ShouldBe(Bytes("hello"));
        node.Stat.Version.ShouldBe(0);
        node.Stat.DataLength.ShouldBe(5);
        node.Stat.EphemeralOwner.ShouldBe(0);
    }

    [Fact]
    public async Task Create_of_an_existing_node_throws_NodeExists()
    {
        await Client.CreateAsync("/node", Bytes("a"));

        var error = await Should.ThrowAsync<NodeExistsException>(() => Client.CreateAsync("/node", Bytes("b")));
        error.Code.ShouldBe(ErrorCode.NodeExists);
        error.Path.ShouldBe("/node");
    }

    [Fact]
    public async Task Create_under_a_missing_parent_throws_NoNode()
    {
        await Should.ThrowAsync<NoNodeException>(() => Client.CreateAsync("/missing/child", Bytes("x")));
    }

    [Fact]
    public async Task Create_under_an_ephemeral_throws_NoChildrenForEphemerals()
    {
        await Client.CreateAsync("/eph", Bytes("x"), CreateMode.Ephemeral);

        await Should.ThrowAsync<NoChildrenForEphemeralsException>(() => Client.CreateAsync("/eph/child", Bytes("x")));
    }

    [Fact]
    public async Task Sequential_creates_get_increasing_ten_digit_suffixes()
    {
        await Client.CreateAsync("/seq", ReadOnlyMemory<byte>.Empty);

        var first = await Client.CreateAsync("/seq/item-", Bytes("1"), CreateMode.PersistentSequential);
        var second = await Client.CreateAsync("/seq/item-", Bytes("2"), CreateMode.EphemeralSequential);

        first.ShouldBe("/seq/item-0000000000");
        second.ShouldBe("/seq/item-0000000001");
        (await Client.ExistsAsync(second))!.EphemeralOwner.ShouldBe(Client.SessionId);
    }

    [Fact]
    public async Task Ephemeral_node_belongs_to_the_session_and_vanishes_when_it_closes()
    {
        var owner = await ConnectAsync();
        await owner.CreateAsync("/eph", Bytes("x"), CreateMode.Ephemeral);
        (await Client.ExistsAsync("/eph"))!.EphemeralOwner.ShouldBe(owner.SessionId);

        await owner.CloseAsync();

        (await Client.ExistsAsync("/eph")).ShouldBeNull();
        owner.State.ShouldBe(ConnectionState.Closed);
    }

    [Fact]
    public async Task SetData_with_the_current_version_bumps_it_and_a_stale_version_throws_BadVersion()
    {
        await Client.CreateAsync("/node", Bytes("v0"));

        var stat = await Client.SetDataAsync("/node", Bytes("v1"), version: 0);
        stat.Version.ShouldBe(1);

        var error = await Should.ThrowAsync<BadVersionException>(() => Client.SetDataAsync("/node", Bytes("v2"), version: 0));
        error.Code.ShouldBe(ErrorCode.BadVersion);
        (await Client.GetDataAsync("/node")).Data.ShouldBe(Bytes("v1"));
        (await Client.SetDataAsync("/node", Bytes("v3"))).Version.ShouldBe(2);
    }

    [Fact]
    public async Task SetData_and_GetData_of_a_missing_node_throw_NoNode()
    {
        await Should.ThrowAsync<NoNodeException>(() => Client.SetDataAsync("/missing", Bytes("x")));
        await Should.ThrowAsync<NoNodeException>(() => Client.GetDataAsync("/missing"));
        await Should.ThrowAsync<NoNodeException>(() => Client.GetChildrenAsync("/missing"));
    }

    [Fact]
    public async Task Delete_checks_the_version_refuses_nodes_with_children_and_missing_nodes()
    {
        await Client.CreateAsync("/parent", ReadOnlyMemory<byte>.Empty);
        await Client.CreateAsync("/parent/child", ReadOnlyMemory<byte>.Empty);

        await Should.ThrowAsync<NotEmptyException>(() => Client.DeleteAsync("/parent"));
        await Should.ThrowAsync<BadVersionException>(() => Client.DeleteAsync("/parent/child", version: 7));
        await Client.DeleteAsync("/parent/child", version: 0);
        await Client.DeleteAsync("/parent");
        await Should.ThrowAsync<NoNodeException>(() => Client.DeleteAsync("/parent"));
        (await Client.ExistsAsync("/parent")).ShouldBeNull();
    }

    [Fact]
    public async Task Exists_returns_null_for_a_missing_node_and_the_stat_of_a_present_one()
    {
        (await Client.ExistsAsync("/node")).ShouldBeNull();
        await Client.CreateAsync("/node", Bytes("abc"));

        var stat = await Client.ExistsAsync("/node");

        stat.ShouldNotBeNull();
        stat.DataLength.ShouldBe(3);
    }

    [Fact]
    public async Task GetChildren_lists_child_names_with_the_parent_stat()
    {
        await Client.CreateAsync("/parent", ReadOnlyMemory<byte>.Empty);
        await Client.CreateAsync("/parent/a", ReadOnlyMemory<byte>.Empty);
        await Client.CreateAsync("/parent/b", ReadOnlyMemory<byte>.Empty);

        var children = await Client.GetChildrenAsync("/parent");

        children.Children.Order().ShouldBe(["a", "b"]);
        children.Stat.NumChildren.ShouldBe(2);
        children.Stat.Cversion.ShouldBe(2);
    }

    [Fact]
    public async Task Sync_completes()
    {
        await Client.CreateAsync("/node", ReadOnlyMemory<byte>.Empty);

        await Client.SyncAsync("/node");
    }

    [Fact]
    public async Task Chroot_maps_paths_both_ways()
    {
        await using var root = await ZooKeeperClient.ConnectAsync(Server.ConnectionString);
        await Client.CreateAsync("/node", Bytes("x"));

        (await root.GetDataAsync(Chroot + "/node")).Data.ShouldBe(Bytes("x"));
        (await Client.GetChildrenAsync("/")).Children.ShouldBe(["node"]);
    }

    [Fact]
    public async Task Invalid_paths_are_rejected_before_sending()
    {
        await Should.ThrowAsync<ArgumentException>(() => Client.CreateAsync("relative", ReadOnlyMemory<byte>.Empty));
        await Should.ThrowAsync<ArgumentException>(() => Client.GetDataAsync("/a//b"));
        await Should.ThrowAsync<ArgumentException>(() => Client.DeleteAsync("/a/"));
    }

    [Fact]
    public async Task Operations_after_close_throw_ObjectDisposed()
    {
        var client = await ConnectAsync();
        await client.CloseAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => client.ExistsAsync("/"));
    }
}
