namespace Squall.Runtime.State;

/// <summary>
/// An <see cref="IMapStore"/> in this process's memory: tasks of one process that open the same name share it, and it
/// lives until the process ends. A lock makes each <see cref="MultiPut"/> atomic, as a store's transaction.
/// </summary>
public sealed class InMemoryMapStore : IMapStore
{
    private readonly Dictionary<byte[], byte[]> _entries = new(ByteArrayComparer.Instance);
    private readonly Lock _lock = new();

    /// <inheritdoc/>
    public IReadOnlyList<byte[]?> MultiGet(IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var values = new byte[]?[keys.Count];
        lock (_lock)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                values[i] = _entries.GetValueOrDefault(keys[i]);
            }
        }

        return values;
    }

    /// <inheritdoc/>
    public void MultiPut(IReadOnlyList<byte[]> keys, IReadOnlyList<byte[]> values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (keys.Count != values.Count)
        {
            throw new ArgumentException($"MultiPut got {keys.Count} keys and {values.Count} values: they must pair up.", nameof(values));
        }

        lock (_lock)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                _entries[keys[i]] = values[i];
            }
        }
    }

    /// <summary>Nothing to release: the map outlives its handles, as a database table does.</summary>
    public void Dispose()
    {
    }
}
