using Squall.Trident.Operation;

namespace Squall.Trident.Runtime;

internal sealed class FilterProcessor(Func<IFilter> factory, Projection input) : Processor
{
    private IFilter? _filter;

    public override void Prepare(NodeContext node)
    {
        base.Prepare(node);
        _filter = factory();
        _filter.Prepare(node.Conf, node.Context);
    }

    public override void Execute(TrackedBatch batch, int input1, object?[] values)
    {
        if (_filter!.IsKeep(input.Apply(values)))
        {
            Emit(batch, values);
        }
    }

    public override void Cleanup() => _filter?.Cleanup();
}
