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

    [Fact]
    public void A_sliding_time_window_on_the_manual_clock_holds_exactly_the_tuples_of_each_boundary()
    {
        using var run = new ManualClockWindow("time-window", bolt => bolt.WithWindow(Duration.Seconds(10), Duration.Seconds(5)));
        var (time, feeder, tracked) = (run.Time, run.Feeder, run.Tracked);

        // Boundaries every 5 s from the start; no tuple arrives on one (which side of a boundary it lands on would then
        // depend on whether the tick of that second is executed before it, as in Storm).
        var arrivals = new Dictionary<int, string> { [1] = "a", [4] = "b", [6] = "c", [7] = "d", [12] = "e" };
        for (var second = 1; second <= 20; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1)); // fires the bolt's one-second tick
            if (arrivals.TryGetValue(second, out var name))
            {
                var executed = tracked.Executed;
                feeder.Feed(new Values(name));
                Wait.Until(() => tracked.Executed > executed, $"{name} executed at {second} s");
            }
        }

        // The windows ending at 15 s and 20 s are closed by ticks alone, after the last tuple: idle executors must still run them.
        Wait.Until(() => tracked.ReadTuples("window").Count >= 4, "four windows by 20 s");
        run.Windows().ShouldBe(
            ["5000: ab|ab|", "10000: abcd|cd|", "15000: cde|e|ab", "20000: e||cd"]);
    }

    [Fact]
    public void A_tumbling_time_window_closes_on_ticks_alone_when_the_clock_jumps_after_the_executors_went_idle()
    {
        using var run = new ManualClockWindow("jump", bolt => bolt.WithTumblingWindow(Duration.Seconds(5)));
        var (time, feeder, tracked) = (run.Time, run.Feeder, run.Tracked);

        time.Advance(TimeSpan.FromSeconds(1));
        feeder.Feed(new Values("a"));
        feeder.Feed(new Values("b"));
        tracked.WaitIdle(() => feeder.Queued == 0);
        time.Advance(TimeSpan.FromSeconds(60)); // sixty ticks at once, to an idle executor
        Wait.Until(() => tracked.ReadTuples("window").Count >= 1, "the window ending at 5 s");
        feeder.Feed(new Values("c"));
        tracked.WaitIdle(() => feeder.Queued == 0);
        time.Advance(TimeSpan.FromSeconds(4));
        Wait.Until(() => tracked.ReadTuples("window").Count >= 2, "the window ending at 65 s");

        // Empty windows in between are skipped, as in Storm.
        run.Windows().ShouldBe(
            ["5000: ab|ab|", "65000: c|c|ab"]);
    }

    /// <summary>
    /// A feeder spout into one <see cref="WindowContentsBolt"/> on a manual clock, tracked for idleness; ready once
    /// the bolt has prepared (its window boundaries count from the clock then).
    /// </summary>
    private sealed class ManualClockWindow : IDisposable
    {
        private readonly ManualResetEventSlim _prepared = new();
        private readonly LocalCluster _cluster;
        private readonly long _start;

        public ManualClockWindow(string name, Func<WindowContentsBolt, BaseWindowedBolt> window)
        {
            _start = Time.GetUtcNow().ToUnixTimeMilliseconds();
            var builder = new TopologyBuilder();
            builder.SetSpout("names", () => Feeder);
            builder.SetBolt("window", () => window(new WindowContentsBolt(_prepared))).ShuffleGrouping("names");
            _cluster = new LocalCluster(new LocalClusterOptions { Time = Time, OnError = null });
            Tracked = TrackedTopology.Submit(_cluster, name, new Config(), builder.CreateTopology());
            _prepared.Wait(TimeSpan.FromSeconds(60)).ShouldBeTrue("the window bolt prepared (its boundaries count from the clock then)");
        }

        public ManualTimeProvider Time { get; } = new();

        public FeederSpout Feeder { get; } = new(new Fields("name"));

        public TrackedTopology Tracked { get; }

        /// <summary>Each window the bolt emitted as "end (ms from the start): all|new|expired".</summary>
        public IEnumerable<string> Windows() =>
            Tracked.ReadTuples("window").Select(v => $"{v[0].AsInt64() - _start}: {v[1].AsString()}|{v[2].AsString()}|{v[3].AsString()}");

        public void Dispose()
        {
            Tracked.Dispose();
            _cluster.Dispose();
            _prepared.Dispose();
        }
    }
}
