namespace Squall.Trident.Runtime;

/// <summary>The root of a node that starts at a repartition or a spout: tuples enter as they are.</summary>
internal sealed class PassThroughProcessor : Processor
{
    public override void Execute(TrackedBatch batch, int input, object?[] values) => Emit(batch, values);
}
