using Squall.Wire.Codec;

namespace Squall.Wire.Hashing;

/// <summary>
/// Process-independent hash of values for fields grouping: xxHash64 over their wire encoding, so the
/// same key lands on the same task in every worker and after every restart (unlike GetHashCode).
/// Types matter: int 1 and long 1 hash differently, as they encode differently. Maps hash in their
/// enumeration order. Allocates nothing for primitives and strings (a per-thread scratch writer).
/// </summary>
public static class StableHash
{
    [ThreadStatic]
    private static HashingBufferWriter? _cached;

    /// <summary>Hash of one value's encoding.</summary>
    /// <exception cref="WireEncodingException">The value cannot be encoded.</exception>
    public static ulong Hash(object? value, SerializerRegistry? registry = null, ulong seed = 0)
    {
        var hasher = Rent(seed);
        var writer = new WireWriter<HashingBufferWriter>(hasher, registry);
        writer.WriteValue(value);
        writer.Commit();
        return Return(hasher);
    }

    /// <summary>Hash of the concatenated encodings of <paramref name="values"/> (e.g. the grouping fields of a tuple).</summary>
    /// <exception cref="WireEncodingException">A value cannot be encoded.</exception>
    public static ulong Hash(ReadOnlySpan<object?> values, SerializerRegistry? registry = null, ulong seed = 0)
    {
        var hasher = Rent(seed);
        var writer = new WireWriter<HashingBufferWriter>(hasher, registry);
        foreach (var value in values)
        {
            writer.WriteValue(value);
        }

        writer.Commit();
        return Return(hasher);
    }

    // Taking the cached writer out (instead of sharing it) keeps a re-entrant call from a user
    // serializer, or an exception half way, from corrupting another hash in progress.
    private static HashingBufferWriter Rent(ulong seed)
    {
        var hasher = _cached ?? new HashingBufferWriter();
        _cached = null;
        hasher.Reset(seed);
        return hasher;
    }

    private static ulong Return(HashingBufferWriter hasher)
    {
        _cached = hasher;
        return hasher.Digest;
    }
}
