namespace Squall.Metrics;

/// <summary>Counts events within a bucket (Storm's <c>CountMetric</c>); not thread-safe, like the task that owns it.</summary>
public sealed class CountMetric : IMetric
{
    private long _value;

    /// <summary>Adds one.</summary>
    public void Incr() => _value++;

    /// <summary>Adds <paramref name="incrementBy"/>.</summary>
    public void IncrBy(long incrementBy) => _value += incrementBy;

    /// <inheritdoc/>
    public object? GetValueAndReset()
    {
        var value = _value;
        _value = 0;
        return value;
    }
}
