namespace Squall.Metrics;

/// <summary>
/// Counts events to report their rate (Storm 2's <c>registerMeter</c>): consumers get the count and the events
/// per second over the last bucket. Thread-safe.
/// </summary>
public sealed class Meter
{
    private long _count;

    /// <summary>Events marked so far.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>The count at the last report, for the rate over a bucket.</summary>
    internal long LastReported { get; set; }

    /// <summary>Marks <paramref name="n"/> events (default 1).</summary>
    public void Mark(long n = 1) => Interlocked.Add(ref _count, n);
}
