using Squall.State.Tests.Topologies;
using Squall.Testing;
using Squall.Windowing;

namespace Squall.State.Tests.Windowing;

[Trait("Category", "Integration")]
public sealed class WindowedBoltTests
{
    [Fact]
    public void A_count_tumbling_window_sees_each_tuple_once_and_acks_it_when_it_leaves()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout([.. Enumerable.Range(1, 12).Select(i => new Values(i))], new Fields("n"), log));
        builder.SetBolt("sum", () => new SumWindowBolt().WithTumblingWindow(new Count(4))).ShuffleGrouping("numbers");
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("sum");

        using var cluster = new LocalCluster();
        cluster.SubmitTopology("windows", new Config(), builder.CreateTopology());
        sink.WaitForCount(3);

        sink.All.Select(r => ((int)r.Values[0]!, (int)r.Values[1]!)).ShouldBe([(10, 4), (26, 4), (42, 4)]);
        // The first two windows left (expired) when the next one closed: 8 tuples acked; the last 4 are still in the window.
        Wait.UntilEqual(() => log.AckCount, 8, "tuples acked as their windows expire");
    }

    [Fact]
    public void A_sliding_count_window_reports_new_and_expired_tuples()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout([.. Enumerable.Range(1, 6).Select(i => new Values(i))], new Fields("n"), log));
        builder.SetBolt("sum", () => new SumWindowBolt().WithWindow(new Count(4), new Count(2))).ShuffleGrouping("numbers");
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("sum");

        using var cluster = new LocalCluster();
        cluster.SubmitTopology("sliding", new Config(), builder.CreateTopology());
        sink.WaitForCount(3);

        sink.All.Select(r => r.Values.Cast<int>().ToArray()).ShouldBe([[3, 2, 2, 0], [10, 4, 2, 0], [18, 4, 2, 2]]);
    }

    [Fact]
    public void A_time_window_longer_than_the_message_timeout_is_refused_at_submit()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout([new Values(1)], new Fields("n"), new SpoutLog()));
        builder.SetBolt("sum", () => new SumWindowBolt().WithWindow(Duration.Seconds(30), Duration.Seconds(10))).ShuffleGrouping("numbers");

        using var cluster = new LocalCluster();
        var error = Should.Throw<InvalidTopologyException>(() =>
            cluster.SubmitTopology("too-long", new Config { MessageTimeoutSecs = 30 }, builder.CreateTopology()));
        error.Message.ShouldContain("window length + sliding interval is 40000 ms");
        error.Message.ShouldContain("Set topology.message.timeout.secs to at least 40");
    }
}
