using Squall.Runtime.TupleTrees;
using Squall.Ui.Sources;

namespace Squall.Ui.Tests.Debugging;

/// <summary>The parts of a failed tree from two workers become one tree; what stays unknown is still said.</summary>
[Trait("Category", "Unit")]
public sealed class FailedTreeMergeTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_spouts_part_takes_the_verdicts_and_edges_another_worker_recorded()
    {
        // Worker A: spout s:1 → b:2 (task 2 runs in worker B). Worker B: b:2 acked it and sent b:2 → c:3, which failed it.
        var spoutPart = Tree(fragment: false, intact: [1], partial: FailedTree.OtherWorkers, new TreeEdge(11, 0, "default", "s", 1, "b", 2, "unknown"));
        var otherPart = Tree(fragment: true, intact: [2, 3], partial: FailedTree.OtherWorkers,
            new TreeEdge(22, 11, "default", "b", 2, "c", 3, "failed", "bad"),
            new TreeEdge(11, 0, "default", "s", 1, "b", 2, "acked"));

        var tree = FailedTreeMerge.Merge([otherPart, spoutPart]).ShouldHaveSingleItem();

        (tree.Fragment, tree.MessageId, tree.Partial).ShouldBe((false, "m-1", (string?)null));
        tree.Edges.ShouldBe([
            new TreeEdge(11, 0, "default", "s", 1, "b", 2, "acked"),
            new TreeEdge(22, 11, "default", "b", 2, "c", 3, "failed", "bad"),
        ]);
    }

    [Fact]
    public void An_edge_no_worker_settled_is_open_when_its_receiver_was_recorded_and_unknown_otherwise()
    {
        var spoutPart = Tree(fragment: false, intact: [1], partial: FailedTree.OtherWorkers,
            new TreeEdge(11, 0, "default", "s", 1, "b", 2, "unknown"),
            new TreeEdge(12, 0, "default", "s", 1, "b", 4, "unknown"));
        var otherPart = Tree(fragment: true, intact: [2], partial: null);

        var tree = FailedTreeMerge.Merge([spoutPart, otherPart]).ShouldHaveSingleItem();

        tree.Edges.Select(e => e.State).ShouldBe(["open", "unknown"]);
        tree.Partial.ShouldBe(FailedTree.OtherWorkers);
    }

    private static FailedTree Tree(bool fragment, int[] intact, string? partial, params TreeEdge[] edges) =>
        new(7, At, "s", 1, "failed", "failed by c:3: bad", 3, [.. edges], fragment ? null : "m-1", "c", partial)
        {
            Fragment = fragment,
            IntactTasks = [.. intact],
        };
}
