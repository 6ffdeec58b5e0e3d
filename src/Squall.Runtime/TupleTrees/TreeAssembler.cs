namespace Squall.Runtime.TupleTrees;

/// <summary>
/// Puts a failed tree together from what the tasks' flight recorders held of it. Each emit record is an edge
/// (with the anchor it hangs from); an ack or fail record settles the edge with the same id. What the records
/// cannot show is said in <see cref="FailedTree.Partial"/>, never guessed: an edge whose emit was overwritten,
/// an anchor whose emit is missing, a verdict that may have been overwritten, an edge into another worker.
/// Pure: no clock, no threads.
/// </summary>
internal static class TreeAssembler
{
    private const string Overwritten = FailedTree.Overwritten;
    private const string OtherWorkers = FailedTree.OtherWorkers;

    /// <param name="end">The failed tree.</param>
    /// <param name="time">When it failed, as wall-clock time.</param>
    /// <param name="snapshots">What each of this worker's tasks recorded of it.</param>
    /// <param name="names">The topology's task and stream names.</param>
    public static FailedTree Assemble(TreeEnd end, DateTimeOffset time, IReadOnlyList<TreeRecorderSnapshot> snapshots, TaskNames names)
    {
        var root = end.Root;
        var partial = new SortedSet<string>(StringComparer.Ordinal);
        var emits = new List<TreeRecord>();
        var verdicts = new Dictionary<long, TreeRecord>();
        var recorded = new Dictionary<int, TreeRecorderSnapshot>();
        foreach (var snapshot in snapshots)
        {
            recorded[snapshot.Task] = snapshot;
            if (snapshot.CutRoot == root)
            {
                partial.Add(Overwritten);
            }

            foreach (var record in snapshot.Records)
            {
                if (record.Root != root)
                {
                    continue;
                }

                if (record.Kind == TreeRecordKind.Emitted)
                {
                    emits.Add(record);
                }
                else
                {
                    verdicts[record.Edge] = record;
                }
            }
        }

        var emitted = new HashSet<long>();
        foreach (var e in emits)
        {
            emitted.Add(e.Edge);
        }

        // The spout's edges are the tree's start; missing, they were overwritten (when the spout is here at all).
        var fragment = !recorded.ContainsKey(end.SpoutTask);
        if (!fragment && !emits.Exists(e => e.Parent == 0 && e.SourceTask == end.SpoutTask))
        {
            partial.Add(Overwritten);
        }

        var edges = new List<TreeEdge>(emits.Count);
        foreach (var e in ParentsFirst(emits))
        {
            if (e.Parent != 0 && !emitted.Contains(e.Parent))
            {
                partial.Add(names.AllLocal ? Overwritten : OtherWorkers);
            }

            var state = State(e, verdicts, recorded, partial);
            var reason = state == "failed" && e.TargetTask == end.Reason.TaskId ? end.Reason.Message ?? "failed" : null;
            edges.Add(new TreeEdge(e.Edge, e.Parent, names.Stream(e.SourceTask, e.Stream), names.Component(e.SourceTask), e.SourceTask, names.Component(e.TargetTask), e.TargetTask, state, reason));
        }

        // A verdict whose emit is not here: the edge is known (who sent it where), not what it hangs from. Its
        // emit was overwritten, or recorded by the sending task in another worker.
        foreach (var (edge, v) in verdicts)
        {
            if (!emitted.Contains(edge))
            {
                partial.Add(recorded.ContainsKey(v.SourceTask) ? Overwritten : OtherWorkers);
                var failed = v.Kind == TreeRecordKind.Failed;
                var reason = failed && v.TargetTask == end.Reason.TaskId ? end.Reason.Message ?? "failed" : null;
                edges.Add(new TreeEdge(edge, 0, names.Stream(v.SourceTask, v.Stream), names.Component(v.SourceTask), v.SourceTask, names.Component(v.TargetTask), v.TargetTask, failed ? "failed" : "acked", reason));
            }
        }

        var timedOut = end.Reason.Kind == FailureKind.TimedOut;
        return new FailedTree(
            root,
            time,
            end.Spout,
            end.SpoutTask,
            timedOut ? "timeout" : "failed",
            end.Reason.ToString(),
            end.Reason.TaskId,
            edges,
            end.MessageId?.ToString(),
            end.Reason.ComponentId,
            partial.Count == 0 ? null : string.Join("; ", partial))
        {
            Fragment = fragment,
            IntactTasks = [.. snapshots.Where(s => !s.Lost).Select(s => s.Task).Order()],
        };
    }

    private static string State(in TreeRecord emit, Dictionary<long, TreeRecord> verdicts, Dictionary<int, TreeRecorderSnapshot> recorded, SortedSet<string> partial)
    {
        if (verdicts.TryGetValue(emit.Edge, out var verdict))
        {
            return verdict.Kind == TreeRecordKind.Failed ? "failed" : "acked";
        }

        if (!recorded.TryGetValue(emit.TargetTask, out var target))
        {
            partial.Add(OtherWorkers);
            return "unknown";
        }

        // The receiver's ring went round after this edge was sent: its verdict may have been overwritten.
        if (target.Lost && emit.Epoch <= target.LostThrough)
        {
            partial.Add(Overwritten);
            return "unknown";
        }

        return "open";
    }

    /// <summary>The edges in an order where each comes after the edge it is anchored to (emit order otherwise).</summary>
    private static List<TreeRecord> ParentsFirst(List<TreeRecord> emits)
    {
        var children = new Dictionary<long, List<TreeRecord>>();
        var edges = new HashSet<long>();
        foreach (var e in emits)
        {
            edges.Add(e.Edge);
        }

        var ordered = new List<TreeRecord>(emits.Count);
        var queue = new Queue<TreeRecord>();
        foreach (var e in emits)
        {
            if (e.Parent == 0 || !edges.Contains(e.Parent))
            {
                queue.Enqueue(e);
            }
            else
            {
                (children.TryGetValue(e.Parent, out var list) ? list : children[e.Parent] = []).Add(e);
            }
        }

        while (queue.TryDequeue(out var e))
        {
            ordered.Add(e);
            if (children.Remove(e.Edge, out var list))
            {
                list.ForEach(queue.Enqueue);
            }
        }

        return ordered;
    }
}
