using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Acking;

/// <summary>
/// Guaranteed processing on random topologies: bolts fail a random fraction of tuples, the spout replays
/// what fails. The clock never moves, so no tree can time out: a lost ack shows up as a hang (a timeout of
/// the wait, naming the topology), not as a replay.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RandomDagTests
{
    private const int Messages = 10_000;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_message_is_acked_exactly_once_and_replays_match_failures(int seed)
    {
        var log = new SpoutLog();
        var (topology, description) = RandomDag.Build(seed, Clusters.Numbers(Messages), log);
        var maxPending = new Random(seed).Next(10, 1000);
        using var cluster = Clusters.Create();

        CompleteTopology.Run(cluster, "dag", Clusters.Conf((Config.TopologyMaxSpoutPending, maxPending)), topology, log, Messages);

        log.Acks.Count.ShouldBe(Messages, description);
        log.Acks.Values.ShouldAllBe(n => n == 1, description);
        log.Fails.ShouldNotBeEmpty(description);
        log.Replays.ShouldBe(log.Fails.Count, description);
        log.Emitted.ShouldBe(Messages + log.Replays, description);
        log.Fails.ShouldAllBe(f => f.Reason!.Kind == FailureKind.Failed && f.Reason.Message == "random", description);
        log.MaxPending.ShouldBeLessThanOrEqualTo(maxPending, description);
    }
}
