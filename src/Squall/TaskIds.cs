using System.Collections;

namespace Squall;

/// <summary>
/// The ids of the tasks an emit was sent to, as Storm's <c>emit</c> returns them.
/// </summary>
/// <remarks>
/// A view over the collector's reusable buffer, so emitting allocates no list: it is valid until the next
/// emit from the same collector. Call <see cref="ToArray"/> to keep it.
/// </remarks>
public readonly struct TaskIds : IReadOnlyList<int>
{
    private readonly int[]? _buffer;
    private readonly int _count;

    internal TaskIds(int[] buffer, int count)
    {
        _buffer = buffer;
        _count = count;
    }

    /// <summary>The number of target tasks.</summary>
    public int Count => _count;

    /// <summary>The target task at <paramref name="index"/>.</summary>
    public int this[int index] => (uint)index < (uint)_count ? _buffer![index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The task ids as a span.</summary>
    public ReadOnlySpan<int> AsSpan() => new(_buffer, 0, _count);

    /// <summary>A copy that outlives the next emit.</summary>
    public int[] ToArray() => AsSpan().ToArray();

    /// <inheritdoc/>
    public IEnumerator<int> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _buffer![i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
