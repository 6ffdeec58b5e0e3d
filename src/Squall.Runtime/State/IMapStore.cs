namespace Squall.Runtime.State;

/// <summary>
/// A byte-level map read and written in batches — what Trident's map states (non-transactional, transactional, opaque) keep
/// their values in, as Storm's <c>IBackingMap</c>. Keys and values are already encoded (with <see cref="StateSerializer"/>);
/// the transactional layering (value + txid, or value + previous value + txid) is done above this interface, so a store only
/// has to make each call one round trip and each <see cref="MultiPut"/> one transaction.
/// </summary>
public interface IMapStore : IDisposable
{
    /// <summary>The value of each of <paramref name="keys"/> (null where absent), in the same order.</summary>
    IReadOnlyList<byte[]?> MultiGet(IReadOnlyList<byte[]> keys);

    /// <summary>Sets every key to the value at the same index, atomically.</summary>
    void MultiPut(IReadOnlyList<byte[]> keys, IReadOnlyList<byte[]> values);
}
