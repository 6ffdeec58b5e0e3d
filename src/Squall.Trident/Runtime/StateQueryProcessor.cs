using Squall.Trident.Operation;
using Squall.Trident.State;

namespace Squall.Trident.Runtime;

/// <summary>Queries a state for the whole batch at once when it is complete, then appends each result to its tuple.</summary>
internal sealed class StateQueryProcessor(MapStateFactory factory, Func<IQueryFunction> query, Projection input) : Processor
{
    private MapState? _state;
    private IQueryFunction? _query;

    public override void Prepare(NodeContext node)
    {
        base.Prepare(node);
        _state = factory.Open(node.Conf);
        _query = query();
        _query.Prepare(node.Conf, node.Context);
    }

    public override void Execute(TrackedBatch batch, int input1, object?[] values) => SlotOf<List<object?[]>>(batch).Add(values);

    public override void Finish(TrackedBatch batch)
    {
        var tuples = SlotOf<List<object?[]>>(batch);
        var args = new List<TridentTuple>(tuples.Count);
        foreach (var values in tuples)
        {
            args.Add(input.Apply(values));
        }

        var results = tuples.Count == 0 ? [] : _query!.BatchRetrieve(_state!, args);
        for (var i = 0; i < tuples.Count; i++)
        {
            var values = tuples[i];
            _query!.Execute(args[i], results[i], new OperationCollector(Node, output => Emit(batch, Projection.Concat(values, output))));
        }

        base.Finish(batch);
    }

    public override void Cleanup()
    {
        _query?.Cleanup();
        _state?.Dispose();
    }
}
