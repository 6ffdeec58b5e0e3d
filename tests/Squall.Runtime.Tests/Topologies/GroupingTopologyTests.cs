using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class GroupingTopologyTests
{
    private static readonly Fields N = new("n");

    public enum Kind
    {
        Shuffle,
        None,
        LocalOrShuffle,
    }

    [Theory]
    [InlineData(Kind.Shuffle)]
    [InlineData(Kind.None)]
    [InlineData(Kind.LocalOrShuffle)]
    public void Shuffling_groupings_deliver_each_tuple_once_and_evenly(Kind kind)
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(300), N, log));
        var bolt = builder.SetBolt("sink", () => new CaptureBolt(sink), 3);
        _ = kind switch
        {
            Kind.Shuffle => bolt.ShuffleGrouping("spout"),
            Kind.None => bolt.NoneGrouping("spout"),
            _ => bolt.LocalOrShuffleGrouping("spout"),
        };
        using var cluster = Clusters.Create();

        CompleteTopology.Run(cluster, "shuffle", new Config(), builder.CreateTopology(), log, 300);

        sink.All.Select(r => (int)r.First!).Order().ShouldBe(Enumerable.Range(0, 300));
        sink.ByTask().Values.Select(r => r.Count).ShouldBe([100, 100, 100]);
    }

    [Fact]
    public void All_grouping_delivers_every_tuple_to_every_task_and_global_to_the_lowest_task()
    {
        var log = new SpoutLog();
        var all = new CaptureSink();
        var global = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(50), N, log));
        builder.SetBolt("all", () => new CaptureBolt(all), 3).AllGrouping("spout");
        builder.SetBolt("global", () => new CaptureBolt(global), 3).GlobalGrouping("spout");
        using var cluster = Clusters.Create();

        CompleteTopology.Run(cluster, "all-global", new Config(), builder.CreateTopology(), log, 50);

        // Components get task ids in id order: all = 1..3, global = 4..6, spout = 7.
        all.ByTask().Keys.Order().ShouldBe([1, 2, 3]);
        all.ByTask().Values.ShouldAllBe(r => r.Count == 50);
        global.ByTask().Keys.ShouldBe([4]);
        global.Count.ShouldBe(50);
    }

    [Fact]
    public void Fields_grouping_keeps_each_key_on_one_task()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var words = Enumerable.Range(0, 400).Select(i => new Values($"w{i % 23}")).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(words, new Fields("word"), log));
        builder.SetBolt("sink", () => new CaptureBolt(sink), 4).FieldsGrouping("spout", new Fields("word"));
        using var cluster = Clusters.Create();

        CompleteTopology.Run(cluster, "fields", new Config(), builder.CreateTopology(), log, 400);

        sink.Count.ShouldBe(400);
        sink.All.GroupBy(r => r.First).ShouldAllBe(g => g.Select(r => r.TaskId).Distinct().Count() == 1);
    }

    [Fact]
    public void Direct_grouping_reaches_only_the_chosen_subscribed_task_and_a_stray_target_is_an_error_of_the_emitter()
    {
        const int stray = 13;
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var other = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(30), N, log));
        builder.SetBolt("router", () => new DirectRouterBolt(stray)).ShuffleGrouping("spout");
        builder.SetBolt("sink", () => new CaptureBolt(sink), 3).DirectGrouping("router", "d");
        builder.SetBolt("other", () => new CaptureBolt(other)).ShuffleGrouping("spout");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("direct", new Config(), builder.CreateTopology());

        sink.WaitForCount(29);
        Wait.Until(() => cluster.GetErrors("direct").Count > 0, "the stray direct emit reported");
        other.WaitForCount(30);

        int[] sinkTasks = [3, 4, 5];
        sink.All.ShouldAllBe(r => r.TaskId == sinkTasks[(int)r.First! % 3]);
        sink.All.Select(r => (int)r.First!).Order().ShouldBe(Enumerable.Range(0, 30).Where(n => n != stray));
        other.All.ShouldAllBe(r => r.SourceComponent == "spout");
        var error = cluster.GetErrors("direct").ShouldHaveSingleItem();
        error.ComponentId.ShouldBe("router");
        error.Error.Message.ShouldContain("does not subscribe to it with a direct grouping");
        cluster.KillTopology("direct");
    }

    [Fact]
    public void Custom_grouping_delivers_to_the_tasks_it_chooses()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(60), N, log));
        builder.SetBolt("sink", () => new CaptureBolt(sink), 4).CustomGrouping("spout", () => new ModuloGrouping());
        using var cluster = Clusters.Create();

        CompleteTopology.Run(cluster, "custom", new Config(), builder.CreateTopology(), log, 60);

        int[] tasks = [1, 2, 3, 4];
        var actual = sink.All.GroupBy(r => (int)r.First!).ToDictionary(g => g.Key, g => string.Join(",", g.Select(r => r.TaskId).Order()));
        var expected = Enumerable.Range(0, 60).ToDictionary(n => n, n => string.Join(",", ModuloGrouping.Expected(n, tasks).Order()));
        actual.OrderBy(p => p.Key).ShouldBe(expected.OrderBy(p => p.Key));
    }

    [Fact]
    public void Emit_returns_the_target_task_ids_of_every_subscription()
    {
        var returned = new ConcurrentQueue<(int N, int[] Tasks)>();
        var all = new CaptureSink();
        var one = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new EmitRecordingSpout(20, returned));
        builder.SetBolt("all", () => new CaptureBolt(all), 2).AllGrouping("spout");
        builder.SetBolt("one", () => new CaptureBolt(one), 3).FieldsGrouping("spout", N);
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("emit", new Config(), builder.CreateTopology());

        one.WaitForCount(20);
        all.WaitForCount(40);

        var receivers = all.All.Concat(one.All).GroupBy(r => (int)r.First!).ToDictionary(g => g.Key, g => g.Select(r => r.TaskId).Order().ToArray());
        foreach (var (n, tasks) in returned)
        {
            tasks.Order().ToArray().ShouldBe(receivers[n], $"tuple {n}");
            tasks.Length.ShouldBe(3);
        }

        cluster.KillTopology("emit");
    }
}
