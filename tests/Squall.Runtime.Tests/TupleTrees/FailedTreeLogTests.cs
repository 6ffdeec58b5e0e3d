using Squall.Runtime.Execution;
using Squall.Runtime.TupleTrees;

namespace Squall.Runtime.Tests.TupleTrees;

/// <summary>
/// Failed trees from the tasks' flight recorders: put together whole when the recorders hold them, and said to
/// be partial — never guessed — when a ring went round or an edge went to a task of another worker.
/// Topology: spout s (task 1) → bolt t (tasks 2, 3); records are written as the collectors would.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FailedTreeLogTests
{
    private const long Root = 1001;
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void A_failed_tree_has_every_edge_its_verdict_and_the_reason_at_the_failing_task()
    {
        var (log, recorders) = Worker(recorderSize: 1024, tasks: [1, 2, 3]);
        recorders[1].Emitted(Root, 11, parent: 0, stream: 0, target: 2);
        recorders[2].Settled(Root, 11, stream: 0, source: 1, failed: false);
        recorders[2].Emitted(Root, 22, parent: 11, stream: 0, target: 3);
        recorders[3].Settled(Root, 22, stream: 0, source: 2, failed: true);
        log.Ended(End(new FailureReason(FailureKind.Failed, "t", 3, "bad input")));

        var tree = log.Recent().ShouldHaveSingleItem();
        (tree.Status, tree.Partial, tree.FailedComponent, tree.FailedTask, tree.MessageId).ShouldBe(("failed", (string?)null, "t", 3, "m-1"));
        tree.Edges.ShouldBe([
            new TreeEdge(11, 0, "default", "s", 1, "t", 2, "acked"),
            new TreeEdge(22, 11, "default", "t", 2, "t", 3, "failed", "bad input"),
        ]);
    }

    [Fact]
    public void A_timed_out_tree_shows_its_open_edges()
    {
        var (log, recorders) = Worker(recorderSize: 1024, tasks: [1, 2, 3]);
        recorders[1].Emitted(Root, 11, parent: 0, stream: 0, target: 2);
        recorders[1].Emitted(Root, 12, parent: 0, stream: 0, target: 3);
        recorders[2].Settled(Root, 11, stream: 0, source: 1, failed: false);
        log.Ended(End(FailureReason.TimedOut(30)));

        var tree = log.Recent().ShouldHaveSingleItem();
        (tree.Status, tree.Partial).ShouldBe(("timeout", (string?)null));
        tree.Edges.Select(e => (e.ToTask, e.State)).ShouldBe([(2, "acked"), (3, "open")]);
    }

    [Fact]
    public void A_tree_whose_records_were_overwritten_says_it_is_partial()
    {
        var (log, recorders) = Worker(recorderSize: 16, tasks: [1, 2, 3]);
        recorders[1].Emitted(Root, 11, parent: 0, stream: 0, target: 2);
        for (var i = 0; i < 16; i++)
        {
            recorders[1].Emitted(Root + 1 + i, 100 + i, parent: 0, stream: 0, target: 3); // other trees push the root's edge out
        }

        recorders[2].Settled(Root, 11, stream: 0, source: 1, failed: true);
        log.Ended(End(new FailureReason(FailureKind.Failed, "t", 2, null)));

        var tree = log.Recent().ShouldHaveSingleItem();
        tree.Partial.ShouldBe(FailedTree.Overwritten);
        tree.Edges.ShouldBe([new TreeEdge(11, 0, "default", "s", 1, "t", 2, "failed", "failed")]);
    }

    [Fact]
    public void An_edge_into_another_worker_is_unknown_not_open()
    {
        var (log, recorders) = Worker(recorderSize: 1024, tasks: [1, 2]); // task 3 runs elsewhere
        recorders[1].Emitted(Root, 11, parent: 0, stream: 0, target: 3);
        log.Ended(End(FailureReason.TimedOut(30)));

        var tree = log.Recent().ShouldHaveSingleItem();
        tree.Partial.ShouldBe(FailedTree.OtherWorkers);
        tree.Edges.ShouldHaveSingleItem().State.ShouldBe("unknown");
    }

    [Fact]
    public void A_worker_without_the_spout_assembles_its_part_as_a_fragment()
    {
        var (log, recorders) = Worker(recorderSize: 1024, tasks: [2, 3]); // the spout's worker announced the failure
        recorders[2].Settled(Root, 11, stream: 0, source: 1, failed: false);
        recorders[2].Emitted(Root, 22, parent: 11, stream: 0, target: 3);
        log.Ended(End(FailureReason.TimedOut(30)) with { MessageId = null });

        var part = log.Recent().ShouldHaveSingleItem();
        (part.Fragment, part.MessageId, part.Partial).ShouldBe((true, (string?)null, FailedTree.OtherWorkers));
        part.IntactTasks.ShouldBe([2, 3]);
        part.Edges.Select(e => (e.Edge, e.State)).ShouldBe([(22L, "open"), (11L, "acked")]);
    }

    [Fact]
    public void A_worker_keeps_the_last_failed_trees_only()
    {
        var (log, recorders) = Worker(recorderSize: 1024, tasks: [1, 2, 3]);
        for (var i = 0; i < FailedTree.Kept + 5; i++)
        {
            recorders[1].Emitted(Root + i, 11, parent: 0, stream: 0, target: 2);
            log.Ended(End(FailureReason.TimedOut(30)) with { Root = Root + i });
        }

        log.Recent().Select(t => t.Root).ShouldBe(Enumerable.Range(5, FailedTree.Kept).Select(i => Root + i));
    }

    private TreeEnd End(FailureReason reason) => new(Root, _time.GetTimestamp(), "s", 1, "m-1", reason);

    private (FailedTreeLog Log, Dictionary<int, TreeRecorder> Recorders) Worker(int recorderSize, int[] tasks)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("s", () => new FeederSpout(new Fields("w")));
        builder.SetBolt("t", () => new CaptureBolt(new CaptureSink(), new Fields("w")), 2).ShuffleGrouping("s");
        var conf = new Config { NumAckers = 1 };
        conf[Config.TopologyTupleTreeRecorderSize] = recorderSize;
        var options = TopologyOptions.From(conf);
        var worker = new WorkerContext("trees", conf, options, new TaskLayout(builder.CreateTopology(), options.Ackers), _time, e => throw e.Error);
        return (worker.FailedTrees, tasks.ToDictionary(t => t, t => worker.FailedTrees.RecorderFor(t)!));
    }
}
