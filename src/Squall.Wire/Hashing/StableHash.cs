using System.Buffers;
using System.Text.Unicode;
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
    // Strings up to this many chars hash from a stack buffer (at most 3 UTF-8 bytes per UTF-16 char).
    private const int MaxStackStringChars = 128;
    private const int MaxHeaderBytes = 6; // tag + a 5-byte varint

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

    /// <summary>
    /// The same hash as <see cref="Hash(object?, SerializerRegistry?, ulong)"/> gives for a string, computed
    /// without the codec: the encoding (tag, varint UTF-8 byte count, UTF-8 bytes) is built on the stack and
    /// hashed in one call. Fields grouping on a string key pays this per tuple, so it matters.
    /// </summary>
    /// <exception cref="WireEncodingException">The string holds a lone surrogate.</exception>
    public static ulong HashString(string value, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxStackStringChars)
        {
            return Hash(value, registry: null, seed);
        }

        // Layout: [unused][tag][varint length][UTF-8 bytes]; the header is written right-aligned before the bytes.
        Span<byte> buffer = stackalloc byte[MaxHeaderBytes + (3 * MaxStackStringChars)];
        var bytes = buffer[MaxHeaderBytes..];
        if (Utf8.FromUtf16(value, bytes, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return Hash(value, registry: null, seed); // a lone surrogate: let the codec throw its exception
        }

        var start = MaxHeaderBytes - 1 - VarIntLength((uint)written);
        buffer[start] = (byte)ValueTag.String;
        var length = (uint)written;
        var i = start + 1;
        while (length >= 0x80)
        {
            buffer[i++] = (byte)(length | 0x80);
            length >>= 7;
        }

        buffer[i] = (byte)length;
        return XxHash64.Hash(buffer[start..(MaxHeaderBytes + written)], seed);
    }

    /// <summary>The same hash as <see cref="Hash(object?, SerializerRegistry?, ulong)"/> gives for a boxed int, without the box.</summary>
    public static ulong HashInt32(int value, ulong seed = 0)
    {
        var hasher = Rent(seed);
        var writer = new WireWriter<HashingBufferWriter>(hasher, registry: null);
        writer.WriteInt32Value(value);
        writer.Commit();
        return Return(hasher);
    }

    /// <summary>The same hash as <see cref="Hash(object?, SerializerRegistry?, ulong)"/> gives for a boxed long, without the box.</summary>
    public static ulong HashInt64(long value, ulong seed = 0)
    {
        var hasher = Rent(seed);
        var writer = new WireWriter<HashingBufferWriter>(hasher, registry: null);
        writer.WriteInt64Value(value);
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

    /// <summary>
    /// Hash of what <paramref name="write"/> encodes from <paramref name="state"/>: the caller writes each value
    /// with the writer's unboxed methods (<see cref="WireWriter{TBufferWriter}.WriteInt32Value"/>, ...), so a key
    /// of several primitives hashes without a box, to the same hash as its boxed values would.
    /// </summary>
    /// <exception cref="WireEncodingException">A value cannot be encoded.</exception>
    public static ulong Hash<TState>(TState state, HashInput<TState> write, SerializerRegistry? registry = null, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(write);
        var hasher = Rent(seed);
        var writer = new WireWriter<IBufferWriter<byte>>(hasher, registry);
        write(ref writer, state);
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

    private static int VarIntLength(uint value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }
}
