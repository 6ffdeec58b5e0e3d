namespace Squall.Runtime.Metrics;

/// <summary>Sums task counters into per-component stats.</summary>
internal static class StatsAggregator
{
    public static IReadOnlyList<ComponentStats> Aggregate(IEnumerable<TaskMetrics> tasks) => [.. tasks
        .GroupBy(m => m.ComponentId)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new ComponentStats(
            g.Key,
            g.Sum(m => Volatile.Read(ref m.Emitted)),
            g.Sum(m => m.TotalExecuted),
            g.Sum(m => m.TotalAcked),
            g.Sum(m => m.TotalFailed),
            g.Sum(m => Volatile.Read(ref m.TimedOut)),
            MeanMs(g.Sum(m => m.CompleteLatencyTicks), g.Sum(m => m.CompleteCount)),
            TimeSpan.FromTicks(g.Sum(m => m.ThrottledTicks)).TotalMilliseconds,
            g.Max(m => m.MaxPendingSeen)))];

    private static double MeanMs(long ticks, long count) => count == 0 ? 0 : TimeSpan.FromTicks(ticks / count).TotalMilliseconds;
}
