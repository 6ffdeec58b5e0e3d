namespace Squall.Trident.Runtime;

/// <summary>How a persistent aggregate folds one key's tuples of a batch into the stored value.</summary>
internal interface IPersistUpdate
{
    /// <summary>A key's accumulator for a new batch.</summary>
    object Begin();

    void Add(object accumulator, TridentTuple tuple);

    /// <summary>The value to store, given the value before this batch (null if none).</summary>
    object? Apply(object accumulator, object? before);
}
