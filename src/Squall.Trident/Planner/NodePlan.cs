using System.Globalization;
using Squall.Trident.Runtime;

namespace Squall.Trident.Planner;

/// <summary>
/// One bolt of the compiled topology: a group of operations between repartitions, run in the same task (as Storm's
/// Trident groups them), with the streams it sends on and the streams it reads.
/// </summary>
internal sealed class NodePlan(string id, ProcessorPlan root)
{
    public string Id { get; } = id;

    public ProcessorPlan Root { get; } = root;

    public int Parallelism { get; set; } = 1;

    public List<NodeInput> Inputs { get; } = [];

    public Dictionary<string, Fields> Streams { get; } = [];

    public Func<IBatchSource>? Source { get; init; }

    public string? DrpcSpout { get; init; }

    public bool Committer { get; init; }

    /// <summary>The DRPC spout whose requests flow through this node, if any: its stream ends in a return node.</summary>
    public string? DrpcOrigin { get; init; }

    /// <summary>A new data stream of this node with <paramref name="fields"/>, fed by a sink after <paramref name="at"/>.</summary>
    public string AddSink(ProcessorPlan at, Fields fields)
    {
        var stream = "s" + Streams.Count.ToString(CultureInfo.InvariantCulture);
        Streams[stream] = fields;
        at.Add(new ProcessorPlan(() => new SinkProcessor(stream), fields, isSink: true));
        return stream;
    }

    public NodeSpec Spec() => new(
        Root,
        Streams,
        [.. Inputs.Select(i => new GlobalStreamId(i.Node.Id, i.StreamId))],
        Source,
        DrpcSpout,
        Committer);

    /// <summary>The ends of the user's streams in this node: processors with nothing after them.</summary>
    public IEnumerable<ProcessorPlan> Leaves() => Leaves(Root);

    private static IEnumerable<ProcessorPlan> Leaves(ProcessorPlan plan) =>
        plan.IsSink ? [] : plan.Children.Count == 0 ? [plan] : plan.Children.SelectMany(Leaves);
}
