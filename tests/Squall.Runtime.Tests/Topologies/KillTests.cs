using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class KillTests
{
    [Fact]
    public async Task KillTopologyAsync_deactivates_then_waits_on_the_cluster_clock_before_stopping()
    {
        var spout = new LifecycleLog();
        var bolt = new LifecycleLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new LifecycleSpout(spout));
        builder.SetBolt("bolt", () => new LifecycleBolt(bolt)).ShuffleGrouping("spout");
        var time = new ManualTimeProvider();
        using var cluster = Clusters.Create(time);
        cluster.SubmitTopology("kill", Clusters.Conf((Config.TopologyMaxSpoutPending, 5)), builder.CreateTopology());
        Wait.Until(() => spout.CountOf("Ack") >= 20, "20 acked tuples");

        var kill = cluster.KillTopologyAsync("kill", waitSecs: 10);
        Wait.Until(() => spout.CountOf("Deactivate") == 1, "Deactivate called at once");
        time.Advance(TimeSpan.FromSeconds(9));
        kill.IsCompleted.ShouldBeFalse("the kill waits 10 s of the cluster's clock");
        spout.CountOf("Close").ShouldBe(0);
        time.Advance(TimeSpan.FromSeconds(1));
        await kill.WaitAsync(Wait.DefaultTimeout);

        spout.Shape().ShouldBe(["Open", "Activate", "NextTuple", "Deactivate", "Close"]);
        bolt.Shape()[^1].ShouldBe("Cleanup");
        cluster.TopologyNames.ShouldBeEmpty();
    }
}
