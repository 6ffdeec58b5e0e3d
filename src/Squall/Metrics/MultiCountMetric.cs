namespace Squall.Metrics;

/// <summary>Several named counts reported as one map (Storm's <c>MultiCountMetric</c>).</summary>
public sealed class MultiCountMetric : IMetric
{
    private readonly Dictionary<string, CountMetric> _counts = new(StringComparer.Ordinal);

    /// <summary>The count named <paramref name="key"/>, created on first use.</summary>
    public CountMetric Scope(string key)
    {
        if (!_counts.TryGetValue(key, out var count))
        {
            count = new CountMetric();
            _counts[key] = count;
        }

        return count;
    }

    /// <inheritdoc/>
    public object? GetValueAndReset() => _counts.ToDictionary(p => p.Key, p => p.Value.GetValueAndReset(), StringComparer.Ordinal);
}
