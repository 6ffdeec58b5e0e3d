using Squall.Runtime.State;

namespace Squall.Trident.State;

/// <summary>
/// Storm's map-state layering over a batched byte map. What is stored under a key depends on the <see cref="StateType"/>:
/// <code>
/// NonTransactional   value                    a replay applies its batch again
/// Transactional      [txid, value]            stored txid == this txid: the batch is already in, skip it
/// Opaque             [txid, prev, value]      stored txid == this txid: recompute from prev (the replay may differ)
/// </code>
/// The transactional rules are correct only because commits happen strictly in txid order, one batch at a time.
/// </summary>
internal sealed class MapState(IMapStore store, StateType type, StateSerializer serializer) : IReadOnlyMapState, IDisposable
{
    public IReadOnlyList<object?> MultiGet(IReadOnlyList<IReadOnlyList<object?>> keys)
    {
        var stored = store.MultiGet(EncodeKeys(keys));
        var values = new object?[stored.Count];
        for (var i = 0; i < stored.Count; i++)
        {
            values[i] = stored[i] is { } bytes ? CurrentValue(serializer.Deserialize(bytes)) : null;
        }

        return values;
    }

    /// <summary>Folds batch <paramref name="txid"/> into each key: <paramref name="update"/> gets the value before it (null if none).</summary>
    public void MultiUpdate(long txid, IReadOnlyList<IReadOnlyList<object?>> keys, Func<int, object?, object?> update)
    {
        var encodedKeys = EncodeKeys(keys);
        var stored = store.MultiGet(encodedKeys);
        var putKeys = new List<byte[]>(keys.Count);
        var putValues = new List<byte[]>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var old = stored[i] is { } bytes ? serializer.Deserialize(bytes) : null;
            if (Updated(txid, old, value => update(i, value)) is { } replacement)
            {
                putKeys.Add(encodedKeys[i]);
                putValues.Add(serializer.Serialize(replacement));
            }
        }

        if (putKeys.Count > 0)
        {
            store.MultiPut(putKeys, putValues);
        }
    }

    public void Dispose() => store.Dispose();

    private object? CurrentValue(object? stored) => type switch
    {
        StateType.NonTransactional => stored,
        StateType.Transactional => ((object?[])stored!)[1],
        _ => ((object?[])stored!)[2],
    };

    /// <summary>What to store after batch <paramref name="txid"/>, or null to leave the key as it is.</summary>
    private object? Updated(long txid, object? old, Func<object?, object?> apply)
    {
        switch (type)
        {
            case StateType.NonTransactional:
                return apply(old);
            case StateType.Transactional:
                var tx = (object?[]?)old;
                return tx is not null && (long)tx[0]! == txid ? null : new object?[] { txid, apply(tx?[1]) };
            default:
                var opaque = (object?[]?)old;
                var previous = opaque is null ? null : (long)opaque[0]! == txid ? opaque[1] : opaque[2];
                return new object?[] { txid, previous, apply(previous) };
        }
    }

    private List<byte[]> EncodeKeys(IReadOnlyList<IReadOnlyList<object?>> keys)
    {
        var encoded = new List<byte[]>(keys.Count);
        foreach (var key in keys)
        {
            encoded.Add(serializer.Serialize(key.ToArray()));
        }

        return encoded;
    }
}
