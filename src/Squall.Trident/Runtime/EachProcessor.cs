using Squall.Trident.Operation;

namespace Squall.Trident.Runtime;

/// <summary>Runs a function on the input fields and appends each output to the whole input tuple (Storm's <c>each</c>).</summary>
internal sealed class EachProcessor(Func<IFunction> factory, Projection input) : Processor
{
    private IFunction? _function;
    private OperationCollector? _collector;
    private TrackedBatch? _batch;
    private object?[] _values = [];

    public override void Prepare(NodeContext node)
    {
        base.Prepare(node);
        _function = factory();
        _function.Prepare(node.Conf, node.Context);
        _collector = new OperationCollector(node, output => Emit(_batch!, Projection.Concat(_values, output)));
    }

    public override void Execute(TrackedBatch batch, int input1, object?[] values)
    {
        _batch = batch;
        _values = values;
        _function!.Execute(input.Apply(values), _collector!);
    }

    public override void Cleanup() => _function?.Cleanup();
}
