using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Squall.Runtime.Acking;

/// <summary>
/// Storm's RotatingMap: entries live in the newest of N buckets; each <see cref="Rotate"/> drops the oldest
/// bucket and returns what it held. An entry added at rotation k expires at rotation k + N − 1, so with a
/// rotation every T/(N−1) it expires after between T and T·N/(N−1). No per-entry timers, no clock reads.
/// </summary>
internal sealed class RotatingMap<TValue>
    where TValue : struct
{
    private readonly Dictionary<long, TValue>[] _buckets;
    private Dictionary<long, TValue> _spare = [];

    public RotatingMap(int buckets)
    {
        _buckets = new Dictionary<long, TValue>[buckets];
        for (var i = 0; i < buckets; i++)
        {
            _buckets[i] = [];
        }
    }

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var bucket in _buckets)
            {
                count += bucket.Count;
            }

            return count;
        }
    }

    /// <summary>A reference to the entry for <paramref name="key"/>, or a null reference when absent.</summary>
    public ref TValue Find(long key)
    {
        foreach (var bucket in _buckets)
        {
            // Trees finish in milliseconds, so the older buckets are nearly always empty: a count check skips a hash probe each.
            if (bucket.Count == 0)
            {
                continue;
            }

            ref var value = ref CollectionsMarshal.GetValueRefOrNullRef(bucket, key);
            if (!Unsafe.IsNullRef(ref value))
            {
                return ref value;
            }
        }

        return ref Unsafe.NullRef<TValue>();
    }

    /// <summary>The entry for <paramref name="key"/>, created in the newest bucket when absent.</summary>
    public ref TValue FindOrAdd(long key)
    {
        ref var value = ref Find(key);
        if (!Unsafe.IsNullRef(ref value))
        {
            return ref value;
        }

        return ref CollectionsMarshal.GetValueRefOrAddDefault(_buckets[0], key, out _);
    }

    public void Add(long key, TValue value) => _buckets[0][key] = value;

    public bool Remove(long key, [MaybeNullWhen(false)] out TValue value)
    {
        foreach (var bucket in _buckets)
        {
            if (bucket.Count != 0 && bucket.Remove(key, out value))
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Moves the entry to the newest bucket, restarting its expiry; false when absent.</summary>
    public bool Touch(long key)
    {
        if (!Remove(key, out var value))
        {
            return false;
        }

        Add(key, value);
        return true;
    }

    /// <summary>Drops the oldest bucket; the returned dictionary is valid until the next rotation.</summary>
    public Dictionary<long, TValue> Rotate()
    {
        var expired = _buckets[^1];
        Array.Copy(_buckets, 0, _buckets, 1, _buckets.Length - 1);
        _spare.Clear();
        _buckets[0] = _spare;
        _spare = expired;
        return expired;
    }
}
