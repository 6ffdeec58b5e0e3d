namespace Squall.Trident.Runtime;

/// <summary>What a processor may use of the task that runs it.</summary>
internal sealed class NodeContext(Config conf, TopologyContext context, OutputCollector collector, Action<TrackedBatch, string, object?[]> emitData)
{
    public Config Conf { get; } = conf;

    public TopologyContext Context { get; } = context;

    /// <summary>The tuples the current emits are anchored to: the input tuple, or the held reports when a batch finishes.</summary>
    public IReadOnlyList<Tuple> Anchors { get; set; } = [];

    /// <summary>Emits user values of a batch on a data stream (prefixed with the batch and counted for the reports).</summary>
    public void EmitData(TrackedBatch batch, string streamId, object?[] values) => emitData(batch, streamId, values);

    /// <summary>Emits raw values, anchored, on a stream outside the batch protocol.</summary>
    public void EmitRaw(string streamId, Values values) => collector.Emit(streamId, Anchors, values);

    public void ReportError(Exception error) => collector.ReportError(error);
}
