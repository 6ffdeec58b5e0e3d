using System.Collections;

namespace Squall;

/// <summary>
/// The values of a tuple to emit, in the order of the stream's declared <see cref="Fields"/>:
/// <c>collector.Emit(new Values(word, 1))</c>, as in Storm.
/// </summary>
/// <remarks>
/// A struct over a single array: the <c>params</c> array the compiler builds for the constructor becomes the
/// tuple's storage, so one emit costs one array and no copies.
/// </remarks>
public readonly struct Values : IReadOnlyList<Value>, IEquatable<Values>
{
    private readonly Value[]? _items;

    /// <summary>Creates values from strings, primitives and byte arrays without boxing.</summary>
    public Values(params Value[] items) => _items = items;

    /// <summary>Creates values from arbitrary objects (user types go through the registered serializers).</summary>
    public Values(params object?[] items)
    {
        _items = new Value[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            _items[i] = Value.FromObject(items[i]);
        }
    }

    /// <summary>The number of values.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>The value at <paramref name="index"/>.</summary>
    public Value this[int index] => (_items ?? [])[index];

    internal Value[] Items => _items ?? [];

    /// <summary>The values as a span.</summary>
    public ReadOnlySpan<Value> AsSpan() => _items;

    /// <inheritdoc/>
    public IEnumerator<Value> GetEnumerator() => ((IEnumerable<Value>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Value equality, element by element (as Storm's <c>Values</c>, a list).</summary>
    public bool Equals(Values other) => AsSpan().SequenceEqual(other.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Values other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in Items)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Values left, Values right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Values left, Values right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(", ", Items) + "]";
}
