using Squall.Cluster.State;
using Squall.Runtime.EventLogging;
using Squall.Runtime.Metrics;
using Squall.Runtime.TupleTrees;

namespace Squall.Cluster.Tests.Unit;

/// <summary>Sampled events, failed trees and debug options survive the cluster's JSON (heartbeat files, the API), nulls left out included.</summary>
[Trait("Category", "Unit")]
public sealed class EventJsonTests
{
    [Fact]
    public void A_heartbeat_with_sampled_events_reads_back_equal()
    {
        var time = new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);
        var ack = new SampledEvent(time, "ack", "split", 3, "default", ["a b"], [42], [new EventEdge(42, 7, -1)]);
        var emit = new SampledEvent(time, "emit", "split", 3, "default", ["a"], [42], [new EventEdge(42, 9, 5)], Anchors: [new EventEdge(42, 7, -1)]);
        var report = new WorkerStatsReport("t", time, 1, 6700, [], [], [])
        {
            Debug = DebugOptions.Off.With(null, new SamplingSetting(true, 10)).With("split", new SamplingSetting(false, 10)),
            Events = [ack, emit],
        };
        var beat = new WorkerHeartbeat { TopologyId = "t", Epoch = 1, Port = 6700, Pid = 1, Time = time, Report = report };

        var back = ClusterJson.Deserialize<WorkerHeartbeat>(ClusterJson.Serialize(beat)).Report!;

        back.Debug.ShouldBe(report.Debug);
        back.Debug.PercentFor("split").ShouldBe(0);
        back.Debug.PercentFor("count").ShouldBe(10);
        back.Events.Count.ShouldBe(2);
        (back.Events[0].MessageId, back.Events[0].Anchors, back.Events[0].Edges.Single()).ShouldBe((null, null, new EventEdge(42, 7, -1)));
        back.Events[1].Anchors.ShouldBe([new EventEdge(42, 7, -1)]);
    }

    [Fact]
    public void A_heartbeat_with_a_failed_tree_part_reads_back_equal()
    {
        var time = new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);
        var part = new FailedTree(42, time, "sentences", 3, "timeout", "timed out after 30 s", -1, [new TreeEdge(9, 7, "default", "split", 4, "count", 2, "open")])
        {
            Fragment = true,
            IntactTasks = [2, 4],
        };
        var report = new WorkerStatsReport("t", time, 1, 6700, [], [], []) { FailedTrees = [part] };
        var beat = new WorkerHeartbeat { TopologyId = "t", Epoch = 1, Port = 6700, Pid = 1, Time = time, Report = report };

        var back = ClusterJson.Deserialize<WorkerHeartbeat>(ClusterJson.Serialize(beat)).Report!.FailedTrees.ShouldHaveSingleItem();

        (back.MessageId, back.FailedComponent, back.Partial, back.Fragment).ShouldBe((null, null, null, true));
        back.IntactTasks.ShouldBe([2, 4]);
        back.Edges.ShouldBe(part.Edges);
    }
}
