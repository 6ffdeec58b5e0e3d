using Squall.Runtime.TupleTrees;

namespace Squall.Ui.Sources;

/// <summary>
/// Joins the parts of a failed tree that several workers assembled (cluster mode: the spout's worker and each
/// other worker, from its own tasks' recorders) into one tree. An edge one part could only call
/// <c>unknown</c> takes another part's verdict; an edge into a task whose recorder is intact and holds no verdict
/// was still <c>open</c>. "Edges in other workers not recorded" stays only while something is still unknown.
/// </summary>
internal static class FailedTreeMerge
{
    /// <summary>One tree per root, oldest first, from every worker's failed trees.</summary>
    public static IEnumerable<FailedTree> Merge(IEnumerable<FailedTree> parts) =>
        parts.GroupBy(t => t.Root).Select(Join).OrderBy(t => t.Time);

    private static FailedTree Join(IEnumerable<FailedTree> group)
    {
        var parts = group.OrderBy(t => t.Fragment).ToList();
        if (parts.Count == 1 && !parts[0].Fragment)
        {
            return parts[0];
        }

        var whole = parts[0];
        var edges = new List<TreeEdge>(whole.Edges);
        var index = edges.Select((e, i) => (e.Edge, i)).ToDictionary(x => x.Edge, x => x.i);
        foreach (var edge in parts.Skip(1).SelectMany(p => p.Edges))
        {
            if (!index.TryGetValue(edge.Edge, out var at))
            {
                index[edge.Edge] = edges.Count;
                edges.Add(edge);
            }
            else if (edges[at].State == "unknown" && edge.State != "unknown")
            {
                edges[at] = edges[at] with { State = edge.State, Reason = edge.Reason };
            }
            else if (edges[at].Parent == 0 && edge.Parent != 0)
            {
                edges[at] = edges[at] with { Parent = edge.Parent, FromComponent = edge.FromComponent, FromTask = edge.FromTask, Stream = edge.Stream };
            }
        }

        var intact = parts.SelectMany(p => p.IntactTasks).ToHashSet();
        for (var i = 0; i < edges.Count; i++)
        {
            if (edges[i].State == "unknown" && intact.Contains(edges[i].ToTask))
            {
                edges[i] = edges[i] with { State = "open" };
            }
        }

        var partial = parts
            .SelectMany(p => p.Partial?.Split("; ") ?? [])
            .Where(r => r != FailedTree.OtherWorkers)
            .ToHashSet(StringComparer.Ordinal);
        if (edges.Exists(e => e.State == "unknown" || (e.Parent != 0 && !index.ContainsKey(e.Parent))))
        {
            partial.Add(FailedTree.OtherWorkers);
        }

        return whole with
        {
            Edges = edges,
            Partial = partial.Count == 0 ? null : string.Join("; ", partial.Order(StringComparer.Ordinal)),
            Fragment = parts.TrueForAll(p => p.Fragment),
            IntactTasks = [.. intact.Order()],
        };
    }
}
