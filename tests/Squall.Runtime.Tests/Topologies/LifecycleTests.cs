using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class LifecycleTests
{
    [Fact]
    public void Spout_and_bolt_methods_are_called_in_lifecycle_order_and_a_spout_task_never_runs_two_at_once()
    {
        var spout = new LifecycleLog();
        var bolt = new LifecycleLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new LifecycleSpout(spout));
        builder.SetBolt("bolt", () => new LifecycleBolt(bolt)).ShuffleGrouping("spout");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("life", Clusters.Conf((Config.TopologyMaxSpoutPending, 10)), builder.CreateTopology());

        Wait.Until(() => spout.CountOf("Ack") >= 100, "100 acked tuples");
        cluster.Deactivate("life");
        Wait.Until(() => spout.CountOf("Deactivate") == 1, "Deactivate called");
        cluster.Activate("life");
        var acks = spout.CountOf("Ack");
        Wait.Until(() => spout.CountOf("Ack") >= acks + 100, "100 more acked tuples after Activate");
        cluster.KillTopology("life");

        spout.Shape().ShouldBe(["Open", "Activate", "NextTuple", "Deactivate", "Activate", "NextTuple", "Deactivate", "Close"]);
        bolt.Shape().ShouldBe(["Prepare", "Execute", "Cleanup"]);
        spout.Overlaps.ShouldBe(0);
        bolt.Overlaps.ShouldBe(0);
    }
}
