using Squall.Wire.Hashing;

namespace Squall.Runtime.Routing;

/// <summary>
/// The stable hash of a tuple's grouping fields: xxHash64 over their wire encoding (Squall.Wire), so a key
/// maps to the same task in every process and every run — never <c>GetHashCode</c>.
/// </summary>
internal sealed class FieldsHasher
{
    private readonly int[] _indices;
    private readonly object?[] _scratch;

    public FieldsHasher(Fields streamFields, Fields groupingFields)
    {
        _indices = streamFields.Select(groupingFields);
        _scratch = new object?[_indices.Length];
    }

    public ulong Hash(Value[] values, ulong seed = 0)
    {
        if (_indices.Length == 1)
        {
            // Strings (the usual key) take the codec-free path, ints and longs skip the box; the same bytes are
            // hashed either way, so a key lands on the same task.
            var value = values[_indices[0]];
            if (ReferenceEquals(value.Inline, InlineKind.Int32))
            {
                return StableHash.HashInt32((int)value.Bits, seed);
            }

            if (ReferenceEquals(value.Inline, InlineKind.Int64))
            {
                return StableHash.HashInt64(value.Bits, seed);
            }

            var key = value.AsObject();
            return key is string text ? StableHash.HashString(text, seed) : StableHash.Hash(key, seed: seed);
        }

        for (var i = 0; i < _indices.Length; i++)
        {
            _scratch[i] = values[_indices[i]].AsObject();
        }

        var hash = StableHash.Hash(_scratch, seed: seed);
        Array.Clear(_scratch);
        return hash;
    }
}
