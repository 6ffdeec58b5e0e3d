using System.Globalization;
using Squall.Perf.Workloads;

namespace Squall.Perf.Reporting;

/// <summary>
/// Squall's word count against each peer that ran in the same invocation, as
/// <c>ratio squall/peer-NAME=X.XX</c> (above 1 means Squall is faster). Both sides must have run on the
/// same machine under the same load for the ratio to mean anything, hence same-invocation only.
/// </summary>
internal static class RatioLines
{
    public const string SquallWordCount = "wordcount";

    public static IEnumerable<string> Format(IReadOnlyList<(IWorkload Workload, WorkloadResult Median)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var squall = results.FirstOrDefault(r => r.Workload.Name == SquallWordCount).Median;
        if (squall?.WordsPerSec is not { } squallRate)
        {
            yield break;
        }

        foreach (var (workload, median) in results)
        {
            if (workload.IsPeer && median.WordsPerSec is { } peerRate && peerRate > 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"ratio squall/{workload.Name}={squallRate / peerRate:F2}");
            }
        }
    }
}
