namespace Squall.Metrics;

/// <summary>
/// A distribution of values (Storm 2's <c>registerHistogram</c>): each <see cref="Update"/> is recorded in a
/// <c>System.Diagnostics.Metrics</c> histogram, and consumers get count, min, max and mean per bucket.
/// Used from the owning task's thread.
/// </summary>
public sealed class Histogram
{
    private long _count;
    private long _min = long.MaxValue;
    private long _max = long.MinValue;
    private double _sum;

    /// <summary>Values recorded in the current bucket.</summary>
    public long Count => _count;

    internal Action<long>? Recorded { get; set; }

    /// <summary>Records <paramref name="value"/>.</summary>
    public void Update(long value)
    {
        _count++;
        _sum += value;
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        Recorded?.Invoke(value);
    }

    /// <summary>count, min, max and mean of the bucket, then starts a new one.</summary>
    internal IReadOnlyDictionary<string, object?> SnapshotAndReset()
    {
        var snapshot = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["count"] = _count,
            ["min"] = _count == 0 ? 0 : _min,
            ["max"] = _count == 0 ? 0 : _max,
            ["mean"] = _count == 0 ? 0.0 : _sum / _count,
        };
        _count = 0;
        _sum = 0;
        _min = long.MaxValue;
        _max = long.MinValue;
        return snapshot;
    }
}
