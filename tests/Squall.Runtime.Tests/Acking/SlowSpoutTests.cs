using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Acking;

/// <summary>
/// Storm 2's delivery for slow spouts: a spout that takes 100 ms per NextTuple call, with a 5 s message
/// timeout, for 60 s of (manual) time. Each emit must leave at once and its ack be taken between calls, so
/// not one tree times out; before Storm 2's flush semantics the spout's burst held 64 calls (6.4 s) of
/// emits and every tree timed out.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SlowSpoutTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void A_spout_sleeping_100_ms_per_call_never_times_out(int flushIntervalMillis)
    {
        const int tuples = 600;
        var time = new ManualTimeProvider();
        var state = new SlowSpout.State(time, tuples);
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("slow", () => new SlowSpout(state));
        builder.SetBolt("sink", () => new CaptureBolt(sink)).ShuffleGrouping("slow");
        using var cluster = Clusters.Create(time);
        state.Completed = () => AckerCompleted(cluster);
        var conf = Clusters.Conf(
            (Config.TopologyMessageTimeoutSecs, 5),
            (Config.TopologyBatchFlushIntervalMillis, flushIntervalMillis));

        cluster.SubmitTopology("slow-spout", conf, builder.CreateTopology());
        Wait.Until(() => Volatile.Read(ref state.Acked) + Volatile.Read(ref state.Failed) == tuples, $"{tuples} trees acked or failed", TimeSpan.FromSeconds(120));
        var spout = cluster.GetStats("slow-spout").Single(s => s.ComponentId == "slow");
        cluster.KillTopology("slow-spout");

        state.WaitedInVain.ShouldBeFalse("an emit stayed in the spout's executor while NextTuple kept being called");
        state.Failed.ShouldBe(0);
        spout.TimedOut.ShouldBe(0);
        state.Acked.ShouldBe(tuples);
        sink.Count.ShouldBe(tuples);
        time.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(60));
    }

    // The spout may call this before SubmitTopology has returned and registered the name.
    private static long AckerCompleted(LocalCluster cluster)
    {
        try
        {
            return cluster.GetStats("slow-spout").Single(s => s.ComponentId == Constants.AckerComponentId).Acked;
        }
        catch (KeyNotFoundException)
        {
            return 0;
        }
    }
}
