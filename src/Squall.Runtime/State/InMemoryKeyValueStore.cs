namespace Squall.Runtime.State;

/// <summary>A store kept in the task's memory: checkpoints work, but a restarted task starts empty (Storm's in-memory state).</summary>
public sealed class InMemoryKeyValueStore : KeyValueStore
{
    private readonly Dictionary<byte[], byte[]> _committed = new(ByteArrayComparer.Instance);
    private (long Txid, Dictionary<byte[], byte[]?> Changes)? _prepared;

    /// <summary>The last committed transaction id.</summary>
    public long? CommittedTxid { get; private set; }

    /// <inheritdoc/>
    protected override byte[]? LoadCommitted(byte[] key) => _committed.GetValueOrDefault(key);

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<byte[], byte[]>> ScanCommitted() => [.. _committed];

    /// <inheritdoc/>
    protected override (long Txid, Dictionary<byte[], byte[]?> Changes)? LoadPrepared() => _prepared;

    /// <inheritdoc/>
    protected override void SavePrepared(long txid, IReadOnlyDictionary<byte[], byte[]?> changes) =>
        _prepared = (txid, new Dictionary<byte[], byte[]?>(changes, ByteArrayComparer.Instance));

    /// <inheritdoc/>
    protected override void SaveCommit(long? txid, IReadOnlyDictionary<byte[], byte[]?> changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                _committed.Remove(key);
            }
            else
            {
                _committed[key] = value;
            }
        }

        _prepared = null;
        CommittedTxid = txid ?? CommittedTxid;
    }

    /// <inheritdoc/>
    protected override void DiscardPrepared() => _prepared = null;
}
