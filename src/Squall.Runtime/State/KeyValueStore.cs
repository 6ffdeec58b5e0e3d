namespace Squall.Runtime.State;

/// <summary>
/// A byte-level key-value store with Storm's two-phase checkpoint, which every state provider implements: writes are buffered
/// in memory; <see cref="PrepareCommit"/> saves them durably as a prepared transaction; <see cref="Commit(long)"/> applies the
/// prepared transaction to the committed data; <see cref="Rollback"/> throws both away. A store opened after a crash loads the
/// prepared transaction it finds, so a recovery COMMIT can still apply it.
/// </summary>
/// <remarks>
/// Reads see, in order: the buffered writes, the prepared transaction, the committed data. A deleted key is a tombstone (null)
/// until it is committed. Providers implement the five storage operations, each one round trip or one transaction.
/// </remarks>
public abstract class KeyValueStore : IDisposable
{
    private readonly Dictionary<byte[], byte[]?> _pending = new(ByteArrayComparer.Instance);
    private Dictionary<byte[], byte[]?>? _prepared;
    private bool _loaded;
    private long? _preparedTxid;

    /// <summary>The transaction prepared and not yet committed or rolled back, if any.</summary>
    public long? PreparedTxid
    {
        get
        {
            EnsureLoaded();
            return _preparedTxid;
        }

        private set => _preparedTxid = value;
    }

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public byte[]? Get(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureLoaded();
        if (_pending.TryGetValue(key, out var value) || (_prepared is not null && _prepared.TryGetValue(key, out value)))
        {
            return value;
        }

        return LoadCommitted(key);
    }

    /// <summary>Sets <paramref name="key"/> (buffered until the next checkpoint).</summary>
    public void Put(byte[] key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _pending[key] = value;
    }

    /// <summary>Deletes <paramref name="key"/> (buffered until the next checkpoint).</summary>
    public void Delete(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _pending[key] = null;
    }

    /// <summary>Every key and value, with uncommitted changes applied.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan()
    {
        EnsureLoaded();
        var merged = new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        foreach (var (key, value) in ScanCommitted())
        {
            merged[key] = value;
        }

        foreach (var layer in new[] { _prepared, _pending })
        {
            foreach (var (key, value) in layer ?? [])
            {
                merged[key] = value;
            }
        }

        foreach (var (key, value) in merged)
        {
            if (value is not null)
            {
                yield return new(key, value);
            }
        }
    }

    /// <summary>Saves the buffered writes as prepared transaction <paramref name="txid"/>.</summary>
    public void PrepareCommit(long txid)
    {
        EnsureLoaded();
        var prepared = _prepared ?? new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        foreach (var (key, value) in _pending)
        {
            prepared[key] = value;
        }

        SavePrepared(txid, prepared);
        _prepared = prepared;
        PreparedTxid = txid;
        _pending.Clear();
    }

    /// <summary>Commits prepared transaction <paramref name="txid"/> (nothing prepared commits nothing, but records the txid).</summary>
    public void Commit(long txid)
    {
        EnsureLoaded();
        SaveCommit(txid, _prepared ?? new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance));
        _prepared = null;
        PreparedTxid = null;
    }

    /// <summary>Commits prepared and buffered writes at once, outside the checkpoint protocol.</summary>
    public void Commit()
    {
        EnsureLoaded();
        var all = _prepared ?? new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        foreach (var (key, value) in _pending)
        {
            all[key] = value;
        }

        SaveCommit(null, all);
        _prepared = null;
        PreparedTxid = null;
        _pending.Clear();
    }

    /// <summary>Discards buffered writes and the prepared transaction.</summary>
    public void Rollback()
    {
        EnsureLoaded();
        DiscardPrepared();
        _prepared = null;
        PreparedTxid = null;
        _pending.Clear();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases connections.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>The committed value of <paramref name="key"/>, or null.</summary>
    protected abstract byte[]? LoadCommitted(byte[] key);

    /// <summary>Every committed key and value.</summary>
    protected abstract IEnumerable<KeyValuePair<byte[], byte[]>> ScanCommitted();

    /// <summary>The prepared transaction left by an earlier run, if any.</summary>
    protected abstract (long Txid, Dictionary<byte[], byte[]?> Changes)? LoadPrepared();

    /// <summary>Durably replaces the prepared transaction with <paramref name="changes"/> as <paramref name="txid"/>.</summary>
    protected abstract void SavePrepared(long txid, IReadOnlyDictionary<byte[], byte[]?> changes);

    /// <summary>In one transaction: applies <paramref name="changes"/> (null deletes), drops the prepared transaction, records <paramref name="txid"/>.</summary>
    protected abstract void SaveCommit(long? txid, IReadOnlyDictionary<byte[], byte[]?> changes);

    /// <summary>Drops the prepared transaction.</summary>
    protected abstract void DiscardPrepared();

    private void EnsureLoaded()
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        if (LoadPrepared() is { } prepared)
        {
            _prepared = new Dictionary<byte[], byte[]?>(prepared.Changes, ByteArrayComparer.Instance);
            _preparedTxid = prepared.Txid;
        }
    }
}
