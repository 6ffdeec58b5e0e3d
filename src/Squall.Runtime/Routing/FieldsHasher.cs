using System.Buffers;
using Squall.Runtime.Transport;
using Squall.Wire.Codec;
using Squall.Wire.Hashing;

namespace Squall.Runtime.Routing;

/// <summary>
/// The stable hash of a tuple's grouping fields: xxHash64 over their wire encoding (Squall.Wire), so a key
/// maps to the same task in every process and every run — never <c>GetHashCode</c>. Nothing is boxed: each
/// field is written from its inline <see cref="Value"/>, giving the bytes its boxed value would give.
/// </summary>
internal sealed class FieldsHasher
{
    // Static and capture-free: one delegate for every hasher, so hashing a key of several fields allocates nothing.
    private static readonly HashInput<Key> WriteKey = static (ref WireWriter<IBufferWriter<byte>> writer, Key key) =>
    {
        foreach (var index in key.Indices)
        {
            ValueEncoding.Write(ref writer, key.Values[index]);
        }
    };

    private readonly int[] _indices;

    public FieldsHasher(Fields streamFields, Fields groupingFields) => _indices = streamFields.Select(groupingFields);

    public ulong Hash(Value[] values, ulong seed = 0)
    {
        if (_indices.Length == 1)
        {
            // The usual keys, strings and ints and longs, take paths without the generic writer.
            var value = values[_indices[0]];
            if (ReferenceEquals(value.Inline, InlineKind.Int32))
            {
                return StableHash.HashInt32((int)value.Bits, seed);
            }

            if (ReferenceEquals(value.Inline, InlineKind.Int64))
            {
                return StableHash.HashInt64(value.Bits, seed);
            }

            if (value.Inline is null && value.AsObject() is string text)
            {
                return StableHash.HashString(text, seed);
            }
        }

        return StableHash.Hash(new Key(values, _indices), WriteKey, seed: seed);
    }

    private readonly record struct Key(Value[] Values, int[] Indices);
}
