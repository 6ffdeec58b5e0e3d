using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

/// <summary>
/// Bolts fused into their upstream's executor (<c>topology.fusion.enable</c>): same results, acks, failures,
/// ticks and errors as through queues. Fusion itself shows as the downstream running inside the upstream's emit.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FusionTests
{
    private static readonly Fields N = new("n");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_local_chain_gives_the_same_results_and_acks_fused_or_not(bool fusion)
    {
        // spout → forward → probe, two tasks each, local-or-shuffle: fused, probe task j runs inside forward
        // task j's emit, itself inside spout task j's, so it sees one spout task's numbers, in their order.
        var log = new SpoutLog();
        var seen = new ConcurrentQueue<(int Task, int N, bool Nested)>();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(400), N, log), 2);
        builder.SetBolt("forward", () => new NestingForwardBolt(N), 2).LocalOrShuffleGrouping("spout");
        builder.SetBolt("probe", () => new NestingProbeBolt(seen), 2).LocalOrShuffleGrouping("forward");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("chain", Clusters.Conf((Config.TopologyFusionEnable, fusion)), builder.CreateTopology());

        Wait.UntilEqual(() => log.AckCount, 400, "every number acked");
        cluster.KillTopology("chain");

        log.Acks.Values.ShouldAllBe(n => n == 1);
        log.Fails.ShouldBeEmpty();
        seen.Select(s => s.N).Order().ShouldBe(Enumerable.Range(0, 400));
        seen.ShouldAllBe(s => s.Nested == fusion);
        if (fusion)
        {
            foreach (var task in seen.GroupBy(s => s.Task))
            {
                var numbers = task.Select(s => s.N).ToList();
                numbers.Select(n => n % 2).Distinct().Count().ShouldBe(1);
                numbers.ShouldBe(numbers.Order());
            }
        }
    }

    [Fact]
    public void Fused_tasks_follow_their_upstream_tasks_through_rebalances_and_nothing_is_lost()
    {
        // forward: 4 tasks fed by shuffle (an executor of its own); probe: 4 tasks fused into forward's, whatever its executor count.
        const int Messages = 3000;
        var log = new SpoutLog();
        var seen = new ConcurrentQueue<(int Task, int N, bool Nested)>();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(Messages), N, log));
        builder.SetBolt("forward", () => new NestingForwardBolt(N), 2).SetNumTasks(4).ShuffleGrouping("spout");
        builder.SetBolt("probe", () => new NestingProbeBolt(seen), 1).SetNumTasks(4).LocalOrShuffleGrouping("forward");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("rebalance", Clusters.Conf((Config.TopologyMaxSpoutPending, 100)), builder.CreateTopology());

        Wait.Until(() => seen.Count >= Messages / 3, "a third through");
        cluster.Rebalance("rebalance", new Dictionary<string, int> { ["forward"] = 4, ["probe"] = 2 });
        Wait.Until(() => seen.Count >= 2 * Messages / 3, "two thirds through");
        cluster.Rebalance("rebalance", new Dictionary<string, int> { ["forward"] = 1, ["probe"] = 4 });
        Wait.Until(() => log.Acks.Count == Messages, "every message acked");
        cluster.KillTopology("rebalance");

        log.Acks.Values.ShouldAllBe(n => n == 1);
        log.Fails.ShouldBeEmpty();
        seen.Select(s => s.N).Order().ShouldBe(Enumerable.Range(0, Messages));
        seen.ShouldAllBe(s => s.Nested);
        seen.Select(s => s.Task).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void A_fused_chain_behind_tiny_inboxes_is_held_back_and_loses_nothing()
    {
        // Inboxes of 4 batches of 4 tuples: the fused forward's emits overflow the sink's inbox, so the
        // spout's executor (which runs forward) must stop calling NextTuple until the sink catches up.
        const int Messages = 2000;
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(Messages), N, log), 2);
        builder.SetBolt("forward", () => new NestingForwardBolt(N), 2).LocalOrShuffleGrouping("spout");
        builder.SetBolt("sink", () => new CaptureBolt(sink)).ShuffleGrouping("forward");
        using var cluster = Clusters.Create();
        var conf = Clusters.Conf((Config.TopologyExecutorReceiveBufferSize, 16), (Config.TopologyProducerBatchSize, 4));
        cluster.SubmitTopology("tiny", conf, builder.CreateTopology());

        Wait.UntilEqual(() => log.AckCount, Messages, "every number acked");
        cluster.KillTopology("tiny");

        log.Acks.Values.ShouldAllBe(n => n == 1);
        sink.All.Select(r => (int)r.First!).Order().ShouldBe(Enumerable.Range(0, Messages));
    }

    [Fact]
    public void A_fused_bolt_that_fails_a_tuple_fails_its_tree_with_its_reason()
    {
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(100), N, log));
        builder.SetBolt("forward", () => new NestingForwardBolt(N)).LocalOrShuffleGrouping("spout");
        builder.SetBolt("judge", () => new FailingBolt(n => n % 7 == 0, "a multiple of 7")).LocalOrShuffleGrouping("forward");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("fail", new Config(), builder.CreateTopology());

        Wait.Until(() => log.Acks.Count + log.Fails.Count == 100, "a verdict for every number");
        cluster.KillTopology("fail");

        var sevens = Enumerable.Range(0, 100).Where(n => n % 7 == 0).ToList();
        log.Fails.Select(f => (int)f.MessageId).Order().ShouldBe(sevens);
        log.Fails.ShouldAllBe(f => f.Reason!.ComponentId == "judge" && f.Reason.Message == "a multiple of 7");
        log.Acks.Keys.Select(k => (int)k).Order().ShouldBe(Enumerable.Range(0, 100).Except(sevens));
    }

    [Fact]
    public void A_fused_bolt_that_throws_reports_the_error_as_its_own_component()
    {
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(3), N, new SpoutLog()));
        builder.SetBolt("forward", () => new NestingForwardBolt(N)).LocalOrShuffleGrouping("spout");
        builder.SetBolt("thrower", () => new ThrowingBolt(1, sink)).LocalOrShuffleGrouping("forward");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("errors", new Config(), builder.CreateTopology());

        Wait.Until(() => cluster.GetErrors("errors").Count == 1 && sink.Count == 2, "the error and the other two numbers");
        var errors = cluster.GetErrors("errors");
        cluster.KillTopology("errors");

        errors.ShouldAllBe(e => e.ComponentId == "thrower");
        errors[0].Error.ToString().ShouldContain("bad number 1");
    }

    [Fact]
    public void A_chain_fused_into_a_spout_is_prepared_before_the_spout_opens()
    {
        var seen = new ConcurrentQueue<(int Task, int N, bool Nested)>();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new EmitInOpenSpout(42));
        builder.SetBolt("forward", () => new NestingForwardBolt(N)).LocalOrShuffleGrouping("spout");
        builder.SetBolt("probe", () => new NestingProbeBolt(seen)).LocalOrShuffleGrouping("forward");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("open", new Config(), builder.CreateTopology());

        Wait.Until(() => !seen.IsEmpty, "the number emitted in Open");
        cluster.KillTopology("open");

        seen.ShouldBe([(seen.Single().Task, 42, true)]);
    }

    [Fact]
    public void Ticks_reach_every_task_of_a_fused_bolt()
    {
        var ticks = new ConcurrentQueue<(int Task, object? Freq)>();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], N, new SpoutLog()), 2);
        builder.SetBolt("ticked", () => new TickCountingBolt(ticks, freqSecs: 5), 2).LocalOrShuffleGrouping("spout");
        var time = new ManualTimeProvider();
        using var cluster = Clusters.Create(time);
        cluster.SubmitTopology("ticks", new Config(), builder.CreateTopology());

        time.Advance(TimeSpan.FromSeconds(10));

        Wait.Until(() => ticks.Count >= 4, "two ticks for each task");
        cluster.KillTopology("ticks");
        ticks.GroupBy(t => t.Task).Select(g => g.Count()).ShouldBe([2, 2]);
        ticks.ShouldAllBe(t => Equals(t.Freq, 5));
    }
}
