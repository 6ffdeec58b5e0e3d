using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Acking;

[Trait("Category", "Integration")]
public sealed class FlowControlTests
{
    /// <remarks>Fused: two spout tasks, each with its own task of a running inside its executor (local-or-shuffle).</remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Max_spout_pending_is_never_exceeded(bool fused)
    {
        const int limit = 7;
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(3000), new Fields("n"), log, replayFailed: true), fused ? 2 : 1);
        var a = builder.SetBolt("a", () => new CaptureBolt(new CaptureSink(), new Fields("n")), 2);
        _ = fused ? a.LocalOrShuffleGrouping("spout") : a.ShuffleGrouping("spout");
        builder.SetBolt("b", () => new FailingBolt(n => n % 97 == 0 && Random.Shared.Next(2) == 0, "coin"), 2).ShuffleGrouping("a");
        using var cluster = Clusters.Create();

        CompleteTopology.Run(cluster, "pending", Clusters.Conf((Config.TopologyMaxSpoutPending, limit)), builder.CreateTopology(), log, 3000);

        log.MaxPending.ShouldBeLessThanOrEqualTo(limit);
        log.MaxPending.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void With_zero_ackers_the_spout_is_acked_right_after_each_emit_and_no_acker_task_exists()
    {
        var events = new ConcurrentQueue<string>();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new AtMostOnceSpout(50, events));
        builder.SetBolt("sink", () => new CaptureBolt(sink), 2).ShuffleGrouping("spout");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("at-most-once", Clusters.Conf((Config.TopologyAckerExecutors, 0)), builder.CreateTopology());

        Wait.Until(() => events.Count(e => e.StartsWith("ack ", StringComparison.Ordinal)) == 50, "50 acks");
        sink.WaitForCount(50);
        cluster.KillTopology("at-most-once");

        string[] expected = ["ackers 0", .. Enumerable.Range(0, 50).SelectMany(n => new[] { $"emit {n}", $"ack {n}" })];
        events.ShouldBe(expected);
    }
}
