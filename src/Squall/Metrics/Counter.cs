namespace Squall.Metrics;

/// <summary>
/// A running count (Storm 2's <c>registerCounter</c>, a Dropwizard counter): never reset, published through
/// <c>System.Diagnostics.Metrics</c> and reported to the metrics consumers every bucket. Thread-safe.
/// </summary>
public sealed class Counter
{
    private long _count;

    /// <summary>The current count.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Adds <paramref name="n"/> (default 1).</summary>
    public void Inc(long n = 1) => Interlocked.Add(ref _count, n);

    /// <summary>Subtracts <paramref name="n"/> (default 1).</summary>
    public void Dec(long n = 1) => Interlocked.Add(ref _count, -n);
}
