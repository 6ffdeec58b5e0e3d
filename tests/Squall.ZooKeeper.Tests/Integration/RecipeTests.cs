using Squall.ZooKeeper.Recipes;
using Squall.ZooKeeper.Tests.Infrastructure;

namespace Squall.ZooKeeper.Tests.Integration;

[Collection(ZooKeeperCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RecipeTests(ZooKeeperFixture fixture) : ChrootedTest(fixture)
{
    [Fact]
    public async Task CreateWithParents_creates_missing_ancestors()
    {
        await Client.CreateAsync("/a", ReadOnlyMemory<byte>.Empty);

        var path = await Client.CreateWithParentsAsync("/a/b/c/d", Bytes("leaf"));

        path.ShouldBe("/a/b/c/d");
        (await Client.GetDataAsync("/a/b/c/d")).Data.ShouldBe(Bytes("leaf"));
        (await Client.GetDataAsync("/a/b/c")).Data.ShouldBeEmpty();
        await Should.ThrowAsync<NodeExistsException>(() => Client.CreateWithParentsAsync("/a/b/c/d", Bytes("again")));
    }

    [Fact]
    public async Task CreateWithParents_from_concurrent_clients_shares_the_ancestors()
    {
        var other = await ConnectAsync();

        await Task.WhenAll(
            Client.CreateWithParentsAsync("/x/y/z/one", Bytes("1")),
            other.CreateWithParentsAsync("/x/y/z/two", Bytes("2")));

        (await Client.GetChildrenAsync("/x/y/z")).Children.Order().ShouldBe(["one", "two"]);
    }

    [Fact]
    public async Task Leader_election_among_three_elects_one_and_exactly_one_successor_when_the_leader_dies()
    {
        var candidates = new List<(ZooKeeperClient Client, LeaderElection Election)>();
        for (var i = 0; i < 3; i++)
        {
            var client = await ConnectAsync();
            var election = new LeaderElection(client, "/election/nimbus", Bytes($"candidate-{i}"));
            await election.StartAsync();
            candidates.Add((client, election));
        }

        var leader = candidates[await WaitForAnyLeaderAsync(candidates)];
        candidates.Count(c => c.Election.IsLeader).ShouldBe(1);
        (await LeaderElection.GetLeaderDataAsync(Client, "/election/nimbus")).ShouldBe(Bytes("candidate-0"));

        var lost = new TaskCompletionSource<bool>();
        leader.Election.LeadershipChanged += (_, e) => lost.TrySetResult(e.IsLeader);
        await leader.Client.CloseAsync(); // the leader's session ends, and its node with it
        (await Wait.For(lost.Task)).ShouldBeFalse();

        var rest = candidates.Where(c => c != leader).ToList();
        var successor = rest[await WaitForAnyLeaderAsync(rest)];
        rest.Count(c => c.Election.IsLeader).ShouldBe(1);
        leader.Election.IsLeader.ShouldBeFalse();
        (await LeaderElection.GetLeaderDataAsync(Client, "/election/nimbus")).ShouldBe(Bytes("candidate-1"));
        successor.Election.NodePath.ShouldNotBeNull();

        await successor.Election.ResignAsync();
        var last = rest.Single(c => c != successor);
        await Wait.For(last.Election.WaitForLeadershipAsync());
        successor.Election.IsLeader.ShouldBeFalse();
    }

    [Fact]
    public async Task A_leader_whose_session_expires_loses_leadership_and_the_next_candidate_takes_over()
    {
        await using var proxy = new TcpProxy(Server.Port);
        var leaderClient = await ConnectAsync(proxy.ConnectionString, TimeSpan.FromSeconds(4));
        await using var leader = new LeaderElection(leaderClient, "/election", Bytes("first"));
        await leader.StartAsync();
        await using var follower = new LeaderElection(await ConnectAsync(), "/election", Bytes("second"));
        await follower.StartAsync();
        leader.IsLeader.ShouldBeTrue();
        follower.IsLeader.ShouldBeFalse();
        var lost = new TaskCompletionSource();
        leader.LeadershipChanged += (_, e) => lost.TrySetResult();

        proxy.Cut(); // the leader is partitioned; the server expires its session
        await Wait.For(follower.WaitForLeadershipAsync());
        proxy.Restore(); // the partitioned client then learns its session expired

        await Wait.For(lost.Task);
        leader.IsLeader.ShouldBeFalse();
        leaderClient.State.ShouldBe(ConnectionState.Expired);
        (await LeaderElection.GetLeaderDataAsync(Client, "/election")).ShouldBe(Bytes("second"));
    }

    [Fact]
    public async Task Without_an_election_there_is_no_leader()
    {
        (await LeaderElection.GetLeaderDataAsync(Client, "/no-election")).ShouldBeNull();
    }

    private static async Task<int> WaitForAnyLeaderAsync(List<(ZooKeeperClient Client, LeaderElection Election)> candidates)
    {
        var elected = candidates.Select(c => c.Election.WaitForLeadershipAsync()).ToList();
        var first = await Wait.For(Task.WhenAny(elected));
        return elected.IndexOf(first);
    }
}
