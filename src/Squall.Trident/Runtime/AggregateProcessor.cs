namespace Squall.Trident.Runtime;

/// <summary>
/// Aggregates a batch in this partition, per group when <c>groupBy</c> has fields (then each output is prefixed with
/// the group's values). An ungrouped aggregate emits even for an empty batch (a count of 0), as Storm's does.
/// </summary>
internal sealed class AggregateProcessor(Func<IBatchAggregation> factory, Projection groupBy, Projection input) : Processor
{
    private IBatchAggregation? _aggregation;

    public override void Prepare(NodeContext node)
    {
        base.Prepare(node);
        _aggregation = factory();
        _aggregation.Prepare(node.Conf, node.Context);
    }

    public override void Execute(TrackedBatch batch, int input1, object?[] values)
    {
        var groups = SlotOf<Dictionary<GroupKey, object>>(batch);
        var key = new GroupKey(groupBy.Select(values));
        var collector = Collector(batch, key);
        if (!groups.TryGetValue(key, out var state))
        {
            groups[key] = state = _aggregation!.Begin(batch.Txid, collector);
        }

        _aggregation!.Add(state, input.Apply(values), collector);
    }

    public override void Finish(TrackedBatch batch)
    {
        var groups = SlotOf<Dictionary<GroupKey, object>>(batch);
        if (groups.Count == 0 && groupBy.Indices.Length == 0)
        {
            var empty = new GroupKey([]);
            groups[empty] = _aggregation!.Begin(batch.Txid, Collector(batch, empty));
        }

        foreach (var (key, state) in groups)
        {
            _aggregation!.Complete(state, Collector(batch, key));
        }

        base.Finish(batch);
    }

    public override void Cleanup() => _aggregation?.Cleanup();

    private OperationCollector Collector(TrackedBatch batch, GroupKey key) =>
        new(Node, output => Emit(batch, Projection.Concat(key.Values, output)));
}
