using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class TickTupleTests
{
    [Fact]
    public void Ticks_follow_the_manual_clock_at_the_topology_and_the_component_frequency()
    {
        var topologyWide = new ConcurrentQueue<(int Task, object? Freq)>();
        var ownFrequency = new ConcurrentQueue<(int Task, object? Freq)>();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        builder.SetBolt("a-topology-freq", () => new TickCountingBolt(topologyWide), 2).ShuffleGrouping("spout");
        builder.SetBolt("b-own-freq", () => new TickCountingBolt(ownFrequency, freqSecs: 5)).ShuffleGrouping("spout");
        var time = new ManualTimeProvider();
        using var cluster = Clusters.Create(time);
        cluster.SubmitTopology("ticks", Clusters.Conf((Config.TopologyTickTupleFreqSecs, 2)), builder.CreateTopology());

        time.Advance(TimeSpan.FromSeconds(1.9));
        time.Advance(TimeSpan.FromSeconds(8.1));

        // 10 s: every 2 s → 5 ticks for each of the 2 tasks; every 5 s → 2 ticks.
        Wait.Until(() => topologyWide.Count >= 10 && ownFrequency.Count >= 2, "the ticks of the first 10 s");
        cluster.KillTopology("ticks");
        topologyWide.Count.ShouldBe(10);
        topologyWide.GroupBy(t => t.Task).Select(g => g.Count()).ShouldBe([5, 5]);
        topologyWide.ShouldAllBe(t => Equals(t.Freq, 2));
        ownFrequency.Count.ShouldBe(2);
        ownFrequency.ShouldAllBe(t => Equals(t.Freq, 5));
    }

    [Fact]
    public void No_ticks_without_a_tick_frequency()
    {
        var ticks = new ConcurrentQueue<(int Task, object? Freq)>();
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(3), new Fields("n"), log));
        builder.SetBolt("bolt", () => new TickCountingBolt(ticks)).ShuffleGrouping("spout");
        builder.SetBolt("sink", () => new CaptureBolt(sink)).ShuffleGrouping("spout");
        var time = new ManualTimeProvider();
        using var cluster = Clusters.Create(time);
        cluster.SubmitTopology("no-ticks", new Config(), builder.CreateTopology());

        time.Advance(TimeSpan.FromSeconds(10));
        sink.WaitForCount(3);
        log.WaitForNextTupleCalls();
        cluster.KillTopology("no-ticks");

        ticks.ShouldBeEmpty();
    }
}
