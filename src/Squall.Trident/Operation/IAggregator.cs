namespace Squall.Trident.Operation;

/// <summary>
/// The general aggregation (Storm's <c>Aggregator</c>): a state per batch (and per group), fed every tuple of the batch, that
/// emits any number of tuples as it goes or when the batch is complete.
/// </summary>
public interface IAggregator<T> : IOperation
{
    /// <summary>The state for a new batch (or group) <paramref name="batchId"/>.</summary>
    T Init(long batchId, ITridentCollector collector);

    /// <summary>Folds <paramref name="tuple"/> into <paramref name="state"/> (a reference type when it must change).</summary>
    void Aggregate(T state, TridentTuple tuple, ITridentCollector collector);

    /// <summary>The batch (or group) is complete: emit the result.</summary>
    void Complete(T state, ITridentCollector collector);
}
