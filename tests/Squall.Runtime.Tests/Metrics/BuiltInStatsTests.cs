using Squall.Runtime.Metrics;
using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Metrics;

/// <summary>Storm's built-in stats against known traffic: N sentences of three words through split and count.</summary>
[Trait("Category", "Integration")]
public sealed class BuiltInStatsTests
{
    private const int Sentences = 120;

    /// <remarks>With <paramref name="fusedSplit"/>, split takes the sentences local-or-shuffle, one task per spout task, and runs fused into the spout's executor: the counts must not change.</remarks>
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    public void Counters_per_stream_match_the_traffic_in_every_window(int workers, bool fusedSplit)
    {
        var time = new ManualTimeProvider();
        using var cluster = Clusters.Create(time);
        var log = new SpoutLog();
        cluster.SubmitTopology("stats", Clusters.Conf((Config.TopologyWorkers, workers)), Topology(log, fusedSplit));
        Wait.UntilEqual(() => log.AckCount, Sentences, "every sentence acked");

        var info = cluster.GetTopologyStats("stats");
        info.Reports.Count.ShouldBe(workers);
        foreach (var window in StatsWindow.All)
        {
            var spout = Window(info, "sentences", window.Name);
            Output(spout, "default").ShouldBe((Sentences, Sentences, Sentences, 0), window.Name);
            var split = Window(info, "split", window.Name);
            Output(split, "default").ShouldBe((Sentences * 3, Sentences * 3, 0, 0), window.Name);
            Input(split, "sentences", "default").ShouldBe((Sentences, Sentences, 0), window.Name);
            var count = Window(info, "count", window.Name);
            Input(count, "split", "default").ShouldBe((Sentences * 3, Sentences * 3, 0), window.Name);
            count.SelectMany(w => w.Outputs).Sum(o => o.Emitted).ShouldBe(0);
        }

        var all = Window(info, "count", StatsWindow.AllTimeName).SelectMany(w => w.Inputs).ToList();
        // One execute in SampleEvery is timed (each task's 32nd, 64th, ...: never its first, JIT warm-up).
        all.Sum(i => i.ExecuteSamples).ShouldBe(all.Sum(i => i.Executed / TaskMetrics.SampleEvery));
        all.Sum(i => i.ProcessSamples).ShouldBeGreaterThan(0);
        Window(info, "sentences", "600").SelectMany(w => w.Outputs).Sum(o => o.CompleteSamples).ShouldBeGreaterThan(0);
        info.Reports.SelectMany(r => r.Tasks).Where(t => t.ComponentId == "count").Select(t => t.TaskId).Distinct().Count().ShouldBe(3);
        info.Reports[0].Components.Single(c => c.Id == "count").Inputs.ShouldBe([new ComponentInput("split", "default", "fields(word)")]);
    }

    [Fact]
    public void Traffic_older_than_a_window_leaves_it_but_stays_in_the_longer_ones()
    {
        var time = new ManualTimeProvider();
        using var cluster = Clusters.Create(time);
        var log = new SpoutLog();
        cluster.SubmitTopology("stats", new Config(), Topology(log));
        Wait.UntilEqual(() => log.AckCount, Sentences, "every sentence acked");

        time.Advance(TimeSpan.FromMinutes(11));

        var info = cluster.GetTopologyStats("stats");
        Output(Window(info, "sentences", "600"), "default").ShouldBe((0, 0, 0, 0));
        Output(Window(info, "sentences", "10800"), "default").ShouldBe((Sentences, Sentences, Sentences, 0));
        Output(Window(info, "sentences", StatsWindow.AllTimeName), "default").ShouldBe((Sentences, Sentences, Sentences, 0));
        Window(info, "sentences", "600").ShouldAllBe(w => w.Seconds <= 600 && w.Seconds >= 590);
        Window(info, "sentences", StatsWindow.AllTimeName).ShouldAllBe(w => w.Seconds == 660);
    }

    [Fact]
    public void Errors_are_reported_per_component_with_their_task_and_time()
    {
        var time = new ManualTimeProvider();
        using var cluster = Clusters.Create(time);
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(Clusters.Numbers(3), new Fields("n"), new SpoutLog()));
        builder.SetBolt("thrower", () => new ThrowingBolt(1, new CaptureSink()), 1).ShuffleGrouping("numbers");
        cluster.SubmitTopology("errors", new Config(), builder.CreateTopology());

        Wait.Until(() => cluster.GetTopologyStats("errors").Reports[0].Errors.Count == 1, "the error reported");
        var errors = cluster.GetTopologyStats("errors").Reports[0].Errors;
        errors.ShouldAllBe(e => e.ComponentId == "thrower" && e.Time == time.GetUtcNow());
        errors[0].Error.ShouldContain("bad number 1");
    }

    private static StormTopology Topology(SpoutLog log, bool fusedSplit = false)
    {
        var sentences = Enumerable.Range(0, Sentences).Select(i => new Values($"w{i % 7} x{i % 5} y{i % 3}")).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new FixedSpout(sentences, new Fields("sentence"), log), 2);
        var split = builder.SetBolt("split", () => new SplitWords(), 2);
        _ = fusedSplit ? split.LocalOrShuffleGrouping("sentences") : split.ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new CountWords(), 3).FieldsGrouping("split", new Fields("word"));
        return builder.CreateTopology();
    }

    private static List<WindowStats> Window(LocalTopologyInfo info, string component, string window) =>
    [
        .. info.Reports.SelectMany(r => r.Tasks).Where(t => t.ComponentId == component).Select(t => t.Windows.Single(w => w.Window == window)),
    ];

    private static (long Emitted, long Transferred, long Acked, long Failed) Output(List<WindowStats> windows, string stream)
    {
        var outputs = windows.SelectMany(w => w.Outputs).Where(o => o.Stream == stream).ToList();
        return (outputs.Sum(o => o.Emitted), outputs.Sum(o => o.Transferred), outputs.Sum(o => o.Acked), outputs.Sum(o => o.Failed));
    }

    private static (long Executed, long Acked, long Failed) Input(List<WindowStats> windows, string component, string stream)
    {
        var inputs = windows.SelectMany(w => w.Inputs).Where(i => i.Component == component && i.Stream == stream).ToList();
        return (inputs.Sum(i => i.Executed), inputs.Sum(i => i.Acked), inputs.Sum(i => i.Failed));
    }

    private sealed class SplitWords : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

        public override void Execute(Tuple input, BasicOutputCollector collector)
        {
            foreach (var word in input.GetString(0)!.Split(' '))
            {
                collector.Emit(new Values(word));
            }
        }
    }

    private sealed class CountWords : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Execute(Tuple input, BasicOutputCollector collector)
        {
        }
    }
}
