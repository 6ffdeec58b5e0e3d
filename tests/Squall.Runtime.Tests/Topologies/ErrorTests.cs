using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class ErrorTests
{
    [Fact]
    public void Exceptions_in_Execute_and_NextTuple_are_reported_with_component_and_stack_and_the_topology_keeps_running()
    {
        var sink = new CaptureSink();
        var healthy = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new ThrowingSpout(100));
        builder.SetBolt("thrower", () => new ThrowingBolt(7, sink), 2).ShuffleGrouping("spout");
        builder.SetBolt("healthy", () => new CaptureBolt(healthy)).ShuffleGrouping("spout");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("errors", new Config(), builder.CreateTopology());

        sink.WaitForCount(99);
        healthy.WaitForCount(100);
        Wait.Until(() => cluster.GetErrors("errors").Count >= 2, "two errors reported");

        var errors = cluster.GetErrors("errors").ToDictionary(e => e.ComponentId);
        errors.Count.ShouldBe(2);
        errors["spout"].Error.Message.ShouldBe("spout hiccup");
        errors["spout"].TaskId.ShouldBe(2, "task ids follow component ids in order: healthy 1, spout 2, thrower 3-4");
        errors["spout"].Error.StackTrace.ShouldNotBeNull().ShouldContain(nameof(ThrowingSpout.NextTuple));
        errors["thrower"].Error.Message.ShouldBe("bad number 7");
        errors["thrower"].TaskId.ShouldBeOneOf(3, 4);
        errors["thrower"].Error.StackTrace.ShouldNotBeNull().ShouldContain("Explode");
        sink.All.Select(r => (int)r.First!).Order().ShouldBe(Enumerable.Range(0, 100).Where(n => n != 7));
        cluster.KillTopology("errors");
    }
}
