using Squall.Tests.Support;

namespace Squall.Tests;

/// <summary>One test per validation rule of <see cref="TopologyBuilder.CreateTopology"/>, asserting its exact message.</summary>
[Trait("Category", "Unit")]
public sealed class TopologyValidationTests
{
    [Fact]
    public void A_component_setting_an_unknown_topology_key_is_rejected_with_the_nearest_key()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("s", StubSpout.Default).AddConfiguration("topology.max.spout.pendin", 5);
        builder.SetBolt("b", () => new StubBolt()).ShuffleGrouping("s").SetDebug(true).AddConfiguration("my.own.key", 1);

        Problems(builder).ShouldBe(["Component 's' sets configuration key 'topology.max.spout.pendin', which is not a Storm key; did you mean 'topology.max.spout.pending'?"]);
    }

    [Fact]
    public void Duplicate_component_ids_are_rejected()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("s", StubSpout.Default);
        builder.SetBolt("s", () => new StubBolt()).ShuffleGrouping("s");

        Problems(builder).ShouldBe(["Component 's' is declared more than once; component ids must be unique."]);
    }

    [Fact]
    public void Subscribing_to_an_unknown_component_is_rejected()
    {
        var builder = WithSpout();
        builder.SetBolt("b", () => new StubBolt()).ShuffleGrouping("ghost");

        Problems(builder).ShouldBe(["Bolt 'b' subscribes to unknown component 'ghost'."]);
    }

    [Fact]
    public void Subscribing_to_an_undeclared_stream_is_rejected()
    {
        var builder = WithSpout();
        builder.SetBolt("b", () => new StubBolt()).ShuffleGrouping("s", "other");

        Problems(builder).ShouldBe(["Bolt 'b' subscribes to stream 'other' of 's', which 's' does not declare (it declares: default)."]);
    }

    [Fact]
    public void Fields_grouping_on_an_undeclared_field_is_rejected()
    {
        var builder = WithSpout();
        builder.SetBolt("b", () => new StubBolt()).FieldsGrouping("s", new Fields("nope"));

        Problems(builder).ShouldBe(["Bolt 'b' groups stream 'default' of 's' by field 'nope', which that stream does not declare (its fields: n)."]);
    }

    [Fact]
    public void Partial_key_grouping_on_an_undeclared_field_is_rejected()
    {
        var builder = WithSpout();
        builder.SetBolt("b", () => new StubBolt()).PartialKeyGrouping("s", new Fields("nope"));

        Problems(builder).ShouldBe(["Bolt 'b' groups stream 'default' of 's' by field 'nope', which that stream does not declare (its fields: n)."]);
    }

    [Fact]
    public void Direct_grouping_on_a_stream_not_declared_direct_is_rejected()
    {
        var builder = WithSpout();
        builder.SetBolt("b", () => new StubBolt()).DirectGrouping("s");

        Problems(builder).ShouldBe(["Bolt 'b' uses a direct grouping on stream 'default' of 's', which is not declared direct."]);
    }

    [Fact]
    public void Other_groupings_on_a_direct_stream_are_rejected()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("s", () => new StubSpout(("d", true, ["n"])));
        builder.SetBolt("b", () => new StubBolt()).ShuffleGrouping("s", "d");

        Problems(builder).ShouldBe(["Bolt 'b' uses a Shuffle grouping on stream 'd' of 's', which is declared direct; use a direct grouping."]);
    }

    [Fact]
    public void Parallelism_below_one_is_rejected()
    {
        var builder = WithSpout();
        builder.SetBolt("b", () => new StubBolt(), parallelismHint: 0).ShuffleGrouping("s");

        Problems(builder).ShouldBe(["Component 'b': the parallelism hint must be at least 1, but is 0."]);
    }

    [Fact]
    public void Task_count_below_one_is_rejected()
    {
        var builder = WithSpout();
        builder.SetBolt("b", () => new StubBolt()).SetNumTasks(0).ShuffleGrouping("s");

        Problems(builder).ShouldBe(["Component 'b': the number of tasks must be at least 1, but is 0."]);
    }

    [Fact]
    public void More_executors_than_tasks_is_rejected()
    {
        var builder = WithSpout();
        builder.SetBolt("b", () => new StubBolt(), parallelismHint: 3).SetNumTasks(2).ShuffleGrouping("s");

        Problems(builder).ShouldBe(["Component 'b': 3 executors for only 2 tasks; an executor runs at least one task."]);
    }

    [Fact]
    public void Component_ids_starting_with_two_underscores_are_rejected()
    {
        var builder = WithSpout();
        builder.SetBolt("__mine", () => new StubBolt()).ShuffleGrouping("s");

        Problems(builder).ShouldBe(["Component '__mine': ids starting with '__' are reserved for the system."]);
    }

    [Fact]
    public void Stream_ids_starting_with_two_underscores_are_rejected()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("s", () => new StubSpout(("__tick", false, ["n"])));

        Problems(builder).ShouldBe(["Component 's' declares stream '__tick', but ids starting with '__' are reserved for the system."]);
    }

    [Fact]
    public void A_topology_without_a_spout_is_rejected()
    {
        var builder = new TopologyBuilder();
        builder.SetBolt("b", () => new StubBolt());

        Problems(builder).ShouldBe(["The topology has no spout: nothing would ever emit a tuple."]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var builder = WithSpout();
        builder.SetBolt("b", () => new StubBolt(), parallelismHint: 0).ShuffleGrouping("ghost");

        Problems(builder).Count.ShouldBe(2);
    }

    [Fact]
    public void Unknown_topology_keys_are_listed_and_other_keys_are_not()
    {
        var conf = new Config { ["topology.workerz"] = 1, [Config.TopologyWorkers] = 1, ["my.app.key"] = 2 };

        conf.UnknownKeys().ShouldBe(["topology.workerz"]);
    }

    private static TopologyBuilder WithSpout()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("s", StubSpout.Default);
        return builder;
    }

    private static IReadOnlyList<string> Problems(TopologyBuilder builder) =>
        Should.Throw<InvalidTopologyException>(builder.CreateTopology).Problems;
}
