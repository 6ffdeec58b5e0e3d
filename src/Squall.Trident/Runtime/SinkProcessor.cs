namespace Squall.Trident.Runtime;

/// <summary>Sends tuples out of the node on one of its streams (to a repartition, merge, join or return node).</summary>
internal sealed class SinkProcessor(string streamId) : Processor
{
    public override void Execute(TrackedBatch batch, int input, object?[] values) => Node.EmitData(batch, streamId, values);
}
