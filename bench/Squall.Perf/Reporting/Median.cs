using Squall.Perf.Workloads;

namespace Squall.Perf.Reporting;

/// <summary>
/// Picks the median run by headline rate and reports that whole run (its own latency and checksum),
/// rather than mixing medians of separate fields from different runs. With an even count it takes the
/// lower middle run, the conservative choice.
/// </summary>
internal static class Median
{
    public static WorkloadResult Of(IReadOnlyList<WorkloadResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("no runs", nameof(runs));
        }

        var sorted = runs.OrderBy(r => r.Headline).ToArray();
        return sorted[(sorted.Length - 1) / 2];
    }
}
