using Squall.Runtime.Execution;

namespace Squall.Runtime.Tests.Executors;

/// <summary>Which bolts are fused into their upstream's executor: the rule of <see cref="FusionPlan"/>, one condition at a time.</summary>
[Trait("Category", "Unit")]
public sealed class FusionPlanTests
{
    [Fact]
    public void A_chain_of_one_to_one_local_groupings_is_fused_task_by_task()
    {
        // Task ids go by component id: a = 1..2, b = 3..4, spout = 5..6.
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", Spout, 2);
        builder.SetBolt("a", Bolt, 2).LocalOrShuffleGrouping("spout");
        builder.SetBolt("b", Bolt, 2).NoneGrouping("a");

        var plan = Plan(builder.CreateTopology());

        plan.UpstreamOf.ShouldBe(new Dictionary<string, string> { ["a"] = "spout", ["b"] = "a" });
        plan.DownstreamTask("a", upstreamTask: 6).ShouldBe(2);
        plan.UpstreamTask("b", 4).ShouldBe(2);
        plan.HostTask("b", 4).ShouldBe(6);
        plan.HostTask("spout", 5).ShouldBe(5);
    }

    [Fact]
    public void Other_groupings_unequal_task_counts_and_second_inputs_are_not_fused()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", Spout, 2);
        builder.SetBolt("shuffled", Bolt, 2).ShuffleGrouping("spout");
        builder.SetBolt("wider", Bolt, 3).LocalOrShuffleGrouping("spout");
        builder.SetBolt("two-inputs", Bolt, 2).LocalOrShuffleGrouping("spout").LocalOrShuffleGrouping("shuffled");

        Plan(builder.CreateTopology()).UpstreamOf.ShouldBeEmpty();
    }

    [Fact]
    public void Components_on_a_cycle_are_not_fused()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", Spout);
        builder.SetBolt("a", Bolt).LocalOrShuffleGrouping("b");
        builder.SetBolt("b", Bolt).LocalOrShuffleGrouping("a");

        Plan(builder.CreateTopology()).UpstreamOf.ShouldBeEmpty();
    }

    [Fact]
    public void Pairs_in_different_workers_are_not_fused()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", Spout, 2);
        builder.SetBolt("a", Bolt, 2).LocalOrShuffleGrouping("spout");
        var topology = builder.CreateTopology();

        // a = 1..2, spout = 3..4: task 1 with 3 in worker 0, task 2 with 4 in worker 1 — or crossed.
        Plan(topology, [0, 0, 1, 0, 1]).UpstreamOf.Keys.ShouldBe(["a"]);
        Plan(topology, [0, 0, 1, 1, 0]).UpstreamOf.ShouldBeEmpty();
    }

    [Fact]
    public void A_chain_longer_than_the_cap_starts_a_new_executor()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("s", Spout);
        var previous = "s";
        for (var i = 0; i < FusionPlan.MaxChain + 2; i++)
        {
            var id = $"b{i:D2}";
            builder.SetBolt(id, Bolt).LocalOrShuffleGrouping(previous);
            previous = id;
        }

        var plan = Plan(builder.CreateTopology());

        plan.UpstreamOf.Count.ShouldBe(FusionPlan.MaxChain + 1);
        plan.IsFused($"b{FusionPlan.MaxChain:D2}").ShouldBeFalse();
        plan.UpstreamOf[$"b{FusionPlan.MaxChain + 1:D2}"].ShouldBe($"b{FusionPlan.MaxChain:D2}");
    }

    [Fact]
    public void Switched_off_nothing_is_fused()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", Spout);
        builder.SetBolt("a", Bolt).LocalOrShuffleGrouping("spout");
        var topology = builder.CreateTopology();

        FusionPlan.Create(topology, new int[topology.UserTaskCount + 1], ExecutorPlan.ComponentsOnCycles(topology), enabled: false)
            .UpstreamOf.ShouldBeEmpty();
    }

    private static IRichSpout Spout() => new FixedSpout([], new Fields("n"), new SpoutLog());

    private static IRichBolt Bolt() => new CaptureBolt(new CaptureSink(), new Fields("n"));

    private static FusionPlan Plan(StormTopology topology, int[]? workerOfTask = null) =>
        FusionPlan.Create(topology, workerOfTask ?? new int[topology.UserTaskCount + 1], ExecutorPlan.ComponentsOnCycles(topology), enabled: true);
}
