namespace Squall.Trident.Runtime;

internal sealed class ProjectProcessor(Projection projection) : Processor
{
    public override void Execute(TrackedBatch batch, int input, object?[] values) => Emit(batch, projection.Select(values));
}
