using System.Text.Json.Nodes;
using Squall.Runtime.EventLogging;
using Squall.Runtime.TupleTrees;

namespace Squall.Ui.Api;

/// <summary>
/// A failed tree from the workers' flight recorders, in the shape of <see cref="TupleTree"/>'s sampled trees so
/// the page draws both alike. The recorders keep ids, not values: where debug sampling also caught an edge, its
/// values and emit time are filled in from the sampled events.
/// </summary>
internal static class FailedTupleTree
{
    public const string Source = "failure";

    /// <summary>The tree of <paramref name="tree"/>'s root, with what the sampled events add.</summary>
    public static JsonObject Build(FailedTree tree, IEnumerable<SampledEvent> events)
    {
        var sampled = SampledEmits(events, tree.Root);
        var edges = new JsonArray();
        foreach (var e in tree.Edges)
        {
            var emit = sampled.GetValueOrDefault(e.Edge);
            edges.Add(new JsonObject
            {
                ["edge"] = StormJson.Id(e.Edge),
                ["parent"] = e.Parent != 0 ? StormJson.Id(e.Parent) : null,
                ["fromComponent"] = e.FromComponent,
                ["fromTask"] = e.FromTask,
                ["stream"] = e.Stream,
                ["values"] = emit is null ? null : StormJson.Array(emit.Values.Select(v => JsonValue.Create(v))),
                ["emittedAt"] = emit is null ? null : StormJson.Time(emit.Time),
                ["toComponent"] = e.ToComponent,
                ["toTask"] = e.ToTask,
                ["state"] = e.State,
                ["settledAt"] = null,
                ["reason"] = e.Reason,
            });
        }

        var spout = sampled.Values.FirstOrDefault(e => e.Anchors is null);
        return new JsonObject
        {
            ["rootId"] = StormJson.Id(tree.Root),
            ["source"] = Source,
            ["messageId"] = tree.MessageId,
            ["spout"] = tree.Spout,
            ["spoutTask"] = tree.SpoutTask,
            ["emittedAt"] = spout is null ? null : StormJson.Time(spout.Time),
            ["status"] = tree.Status,
            ["endedAt"] = StormJson.Time(tree.Time),
            ["reason"] = tree.Reason,
            ["failedComponent"] = tree.FailedComponent,
            ["failedTask"] = tree.FailedTask,
            ["openEdges"] = tree.Edges.Count(e => e.State == "open"),
            ["partial"] = tree.Partial,
            ["edges"] = edges,
        };
    }

    /// <summary>An entry of the trees list for <paramref name="tree"/>.</summary>
    public static JsonObject Summary(FailedTree tree, IEnumerable<SampledEvent> events)
    {
        var spout = SampledEmits(events, tree.Root).Values.FirstOrDefault(e => e.Anchors is null);
        return new JsonObject
        {
            ["rootId"] = StormJson.Id(tree.Root),
            ["source"] = Source,
            ["messageId"] = tree.MessageId,
            ["component"] = tree.Spout,
            ["task"] = tree.SpoutTask,
            ["emittedAt"] = spout is null ? null : StormJson.Time(spout.Time),
            ["endedAt"] = StormJson.Time(tree.Time),
            ["values"] = spout is null ? null : StormJson.Array(spout.Values.Select(v => JsonValue.Create(v))),
            ["status"] = tree.Status,
            ["reason"] = tree.Reason,
            ["partial"] = tree.Partial,
        };
    }

    /// <summary>The sampled emits of tree <paramref name="root"/>, by the edge ids they sent.</summary>
    private static Dictionary<long, SampledEvent> SampledEmits(IEnumerable<SampledEvent> events, long root)
    {
        var emits = new Dictionary<long, SampledEvent>();
        foreach (var e in events.Where(e => e.Kind == "emit" && e.Roots.Contains(root)))
        {
            foreach (var edge in e.Edges.Where(x => x.Root == root))
            {
                emits[edge.Edge] = e;
            }
        }

        return emits;
    }
}
