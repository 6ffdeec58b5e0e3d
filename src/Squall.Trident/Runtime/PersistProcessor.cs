using Squall.Trident.State;

namespace Squall.Trident.Runtime;

/// <summary>
/// The committer of a persistent aggregate: accumulates the batch per key, and when the coordinator says commit (txids in
/// order), folds it into the map state with one multi-get and one multi-put.
/// </summary>
internal sealed class PersistProcessor(MapStateFactory factory, Func<IPersistUpdate> update, Projection key, Projection input) : Processor
{
    private MapState? _state;
    private IPersistUpdate? _update;

    public override void Prepare(NodeContext node)
    {
        base.Prepare(node);
        _state = factory.Open(node.Conf);
        _update = update();
    }

    public override void Execute(TrackedBatch batch, int input1, object?[] values)
    {
        var keys = SlotOf<Dictionary<GroupKey, object>>(batch);
        var group = new GroupKey(key.Select(values));
        if (!keys.TryGetValue(group, out var accumulator))
        {
            keys[group] = accumulator = _update!.Begin();
        }

        _update!.Add(accumulator, input.Apply(values));
    }

    public override void Finish(TrackedBatch batch)
    {
        var groups = SlotOf<Dictionary<GroupKey, object>>(batch);
        var keys = new List<IReadOnlyList<object?>>(groups.Count);
        var accumulators = new List<object>(groups.Count);
        foreach (var (group, accumulator) in groups)
        {
            keys.Add(group.Values);
            accumulators.Add(accumulator);
        }

        if (keys.Count > 0)
        {
            _state!.MultiUpdate(batch.Txid, keys, (i, before) => _update!.Apply(accumulators[i], before));
        }

        base.Finish(batch);
    }

    public override void Cleanup() => _state?.Dispose();
}
