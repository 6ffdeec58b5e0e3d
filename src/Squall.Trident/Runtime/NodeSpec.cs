using Squall.Trident.Planner;

namespace Squall.Trident.Runtime;

/// <summary>Everything a node's bolt needs, fixed when the topology is built.</summary>
/// <param name="Root">The processor tree.</param>
/// <param name="Streams">The node's data streams and their user fields.</param>
/// <param name="Inputs">The data streams the node reads, in input-index order.</param>
/// <param name="Source">The spout this node runs, for a node that starts a batch stream.</param>
/// <param name="DrpcSpout">The DRPC spout this node reads requests from, for a node that starts a DRPC stream.</param>
/// <param name="Committer">Whether the node writes state: it finishes a batch only when the coordinator says commit.</param>
internal sealed record NodeSpec(
    ProcessorPlan Root,
    IReadOnlyDictionary<string, Fields> Streams,
    IReadOnlyList<GlobalStreamId> Inputs,
    Func<IBatchSource>? Source,
    string? DrpcSpout,
    bool Committer);
