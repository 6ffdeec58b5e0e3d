using System.Numerics;

namespace Squall.Perf.Timing;

/// <summary>
/// A fixed-size log-linear histogram of microsecond values, in the manner of HdrHistogram: values below
/// 256 have a bucket each; above, every power of two is split into 128 equal buckets, so a reported
/// percentile is within 1/128 (under 0.8%) of the true value. Recording is an index computation and an
/// increment on a preallocated array: no allocation, no lock. One instance per recording thread;
/// combine them with <see cref="Merge"/>.
/// <code>
///   value v ≥ 128:  msb = floor(log2 v), shift = msb − 7, top = v &gt;&gt; shift ∈ [128, 255]
///   index = 128 × shift + top        (equals v for v &lt; 256, so the two ranges join up)
/// </code>
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBuckets = 1 << SubBucketBits;

    /// <summary>About 12.7 days in microseconds; larger values are clamped to it.</summary>
    public const long MaxTrackableMicros = (1L << 40) - 1;

    private readonly long[] _counts = new long[IndexOf(MaxTrackableMicros) + 1];
    private long _sumMicros;

    public long Count { get; private set; }

    public long MaxMicros { get; private set; }

    public double MeanMicros => Count == 0 ? 0 : (double)_sumMicros / Count;

    public void Record(long micros)
    {
        var value = Math.Clamp(micros, 0, MaxTrackableMicros);
        _counts[IndexOf(value)]++;
        Count++;
        _sumMicros += value;
        if (value > MaxMicros)
        {
            MaxMicros = value;
        }
    }

    /// <summary>Records a Stopwatch timestamp difference, converted to microseconds.</summary>
    public void RecordTicks(long stopwatchTicks) =>
        Record(stopwatchTicks * 1_000_000 / System.Diagnostics.Stopwatch.Frequency);

    /// <summary>The value at quantile q (0 &lt; q ≤ 1), as the midpoint of its bucket; 0 when empty.</summary>
    public long ValueAtQuantile(double q)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(q, 0, 1) * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(Midpoint(i), MaxMicros);
            }
        }

        return MaxMicros;
    }

    public LatencySummary Summarize() =>
        new(ValueAtQuantile(0.50), ValueAtQuantile(0.99), ValueAtQuantile(0.999), MeanMicros, Count);

    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        _sumMicros += other._sumMicros;
        MaxMicros = Math.Max(MaxMicros, other.MaxMicros);
    }

    public void Reset()
    {
        Array.Clear(_counts);
        Count = 0;
        _sumMicros = 0;
        MaxMicros = 0;
    }

    private static int IndexOf(long value)
    {
        if (value < 2 * SubBuckets)
        {
            return (int)value;
        }

        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits;
        return (SubBuckets * shift) + (int)(value >> shift);
    }

    private static long Midpoint(int index)
    {
        if (index < 2 * SubBuckets)
        {
            return index;
        }

        var shift = (index / SubBuckets) - 1;
        long top = index - (SubBuckets * shift);
        return (top << shift) + ((1L << shift) / 2);
    }
}
