using System.Text.Json.Nodes;
using Squall.Runtime.EventLogging;
using Squall.Ui.Sources;

namespace Squall.Ui.Api;

/// <summary>
/// Rebuilds a spout tuple's tree from the sampled events — Squall's answer to "why did this tuple fail?". Each
/// emit event names, per tree, the edge it sent to each target task, and a bolt's emit names the input edges
/// it was anchored to (its parents); each ack or fail names the input edge it settled. So every edge of the
/// tree is a node with its parent, the task that emitted it, the task that received it, and that task's
/// verdict: acked, failed (with the reason), or none seen — open when the tree timed out. Complete when the
/// tree's components were sampled at 100 %; at lower rates it shows the sampled part and says so.
/// </summary>
internal static class TupleTree
{
    public const string Source = "sampling";

    /// <summary>
    /// The trees the UI can open, up to <paramref name="limit"/>: the failed ones first (newest first; the
    /// recorders hold their whole tree), then the sampled spout tuples that did not fail, newest first.
    /// </summary>
    public static JsonArray Recent(UiTopology topology, int limit)
    {
        var events = topology.Events.ToList();
        var failed = topology.FailedTrees.Reverse().Take(limit).ToList();
        var roots = failed.Select(t => StormJson.Id(t.Root)).ToHashSet(StringComparer.Ordinal);
        var trees = failed.Select(t => (JsonNode)FailedTupleTree.Summary(t, events)).ToList();
        trees.AddRange(Recent(events, limit).Select(n => n!.DeepClone()).Where(n => !roots.Contains((string)n["rootId"]!)).Take(limit - trees.Count));
        return [.. trees];
    }

    /// <summary>The tree of <paramref name="root"/>: from the flight recorders when it failed, else from the sampled events; null when neither has it.</summary>
    public static JsonObject? Build(UiTopology topology, long root, Func<int, string?> componentOfTask)
    {
        var events = topology.Events;
        return topology.FailedTrees.LastOrDefault(t => t.Root == root) is { } failed
            ? FailedTupleTree.Build(failed, events)
            : Build(events, root, componentOfTask);
    }

    /// <summary>The tree of <paramref name="root"/>, or null when no sampled event belongs to it.</summary>
    public static JsonObject? Build(IEnumerable<SampledEvent> events, long root, Func<int, string?> componentOfTask)
    {
        var mine = events.Where(e => e.Roots.Contains(root)).OrderBy(e => e.Time).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        var spout = mine.FirstOrDefault(e => e.Kind == "emit" && e.Anchors is null);
        var end = mine.LastOrDefault(e => e.Kind is "acked" or "failed" or "timeout");
        var verdicts = new Dictionary<long, SampledEvent>();
        foreach (var v in mine.Where(e => e.Kind is "ack" or "fail"))
        {
            foreach (var edge in v.Edges.Where(x => x.Root == root))
            {
                verdicts[edge.Edge] = v;
            }
        }

        var edges = new JsonArray();
        var open = 0;
        foreach (var emit in mine.Where(e => e.Kind == "emit"))
        {
            var parent = emit.Anchors?.FirstOrDefault(a => a.Root == root).Edge;
            foreach (var edge in emit.Edges.Where(x => x.Root == root))
            {
                var verdict = verdicts.GetValueOrDefault(edge.Edge);
                var state = verdict?.Kind switch { "ack" => "acked", "fail" => "failed", _ => end?.Kind == "timeout" ? "open" : "unseen" };
                open += state == "open" ? 1 : 0;
                edges.Add(new JsonObject
                {
                    ["edge"] = Id(edge.Edge),
                    ["parent"] = parent is { } p && p != 0 ? Id(p) : null,
                    ["fromComponent"] = emit.Component,
                    ["fromTask"] = emit.Task,
                    ["stream"] = emit.Stream,
                    ["values"] = StormJson.Array(emit.Values.Select(v => JsonValue.Create(v))),
                    ["emittedAt"] = StormJson.Time(emit.Time),
                    ["toComponent"] = verdict?.Component ?? componentOfTask(edge.Task),
                    ["toTask"] = edge.Task,
                    ["state"] = state,
                    ["settledAt"] = verdict is null ? null : StormJson.Time(verdict.Time),
                    ["reason"] = verdict?.Reason,
                });
            }
        }

        return new JsonObject
        {
            ["rootId"] = Id(root),
            ["source"] = Source,
            ["messageId"] = spout?.MessageId ?? end?.MessageId,
            ["spout"] = spout?.Component ?? end?.Component,
            ["spoutTask"] = spout?.Task ?? end?.Task,
            ["emittedAt"] = spout is null ? null : StormJson.Time(spout.Time),
            ["status"] = end?.Kind ?? "pending",
            ["endedAt"] = end is null ? null : StormJson.Time(end.Time),
            ["reason"] = end?.Reason,
            ["openEdges"] = open,
            ["edges"] = edges,
        };
    }

    /// <summary>The sampled spout tuples, newest first: the trees the UI can open.</summary>
    public static JsonArray Recent(IEnumerable<SampledEvent> events, int limit)
    {
        var list = events.ToList();
        var ends = new Dictionary<long, SampledEvent>();
        foreach (var e in list.Where(e => e.Kind is "acked" or "failed" or "timeout"))
        {
            ends[e.Roots[0]] = e;
        }

        return StormJson.Array(list
            .Where(e => e.Kind == "emit" && e.Anchors is null && e.Roots.Count > 0)
            .Reverse()
            .Take(limit)
            .Select(e => new JsonObject
            {
                ["rootId"] = Id(e.Roots[0]),
                ["source"] = Source,
                ["messageId"] = e.MessageId,
                ["component"] = e.Component,
                ["task"] = e.Task,
                ["emittedAt"] = StormJson.Time(e.Time),
                ["values"] = StormJson.Array(e.Values.Select(v => JsonValue.Create(v))),
                ["status"] = ends.TryGetValue(e.Roots[0], out var end) ? end.Kind : "pending",
                ["reason"] = end?.Reason,
            }));
    }

    private static string Id(long id) => StormJson.Id(id);
}
