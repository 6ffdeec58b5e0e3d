using Squall.Trident.Operation;

namespace Squall.Trident.Spout;

/// <summary>
/// Emits fixed tuples in batches of at most <c>maxBatchSize</c>, cycling if asked (Storm's <c>FixedBatchSpout</c>, for tests
/// and examples). It remembers each batch until it is acked, so a replayed id emits the same tuples.
/// </summary>
public sealed class FixedBatchSpout : IBatchSpout
{
    private readonly Fields _fields;
    private readonly int _maxBatchSize;
    private readonly object?[][] _outputs;
    private readonly Dictionary<long, List<object?[]>> _batches = [];
    private int _index;

    /// <summary>A spout emitting <paramref name="outputs"/> (each the values of <paramref name="fields"/>) in order.</summary>
    public FixedBatchSpout(Fields fields, int maxBatchSize, params object?[][] outputs)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _fields = fields;
        _maxBatchSize = maxBatchSize;
        _outputs = outputs;
    }

    /// <summary>Whether to start again from the first tuple after the last.</summary>
    public bool Cycle { get; set; }

    /// <inheritdoc/>
    public void Open(Config conf, TopologyContext context)
    {
    }

    /// <inheritdoc/>
    public void EmitBatch(long batchId, ITridentCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        if (!_batches.TryGetValue(batchId, out var batch))
        {
            batch = [];
            if (_index >= _outputs.Length && Cycle)
            {
                _index = 0;
            }

            for (; _index < _outputs.Length && batch.Count < _maxBatchSize; _index++)
            {
                batch.Add(_outputs[_index]);
            }

            _batches[batchId] = batch;
        }

        foreach (var values in batch)
        {
            collector.Emit(values);
        }
    }

    /// <inheritdoc/>
    public void Ack(long batchId) => _batches.Remove(batchId);

    /// <inheritdoc/>
    public void Close()
    {
    }

    /// <inheritdoc/>
    public Fields GetOutputFields() => _fields;
}
