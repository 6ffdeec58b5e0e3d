using System.Globalization;
using System.Text;
using Squall.Perf.Workloads;

namespace Squall.Perf.Reporting;

/// <summary>
/// The machine-readable result line, one per workload, space-separated key=value pairs:
/// <c>workload=NAME tuples_per_sec=N [words_per_sec=N] [p50_us= p99_us= p999_us= mean_us=] [checksum=N checksum_ok=B] runs=N</c>.
/// Rates are rounded to whole numbers; keys are never renamed, since scripts parse them.
/// </summary>
internal static class ResultLine
{
    public static string Format(WorkloadResult result, int runs)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = new StringBuilder();
        Append(line, "workload", result.Workload);
        Append(line, "tuples_per_sec", Whole(result.TuplesPerSec));
        if (result.WordsPerSec is { } words)
        {
            Append(line, "words_per_sec", Whole(words));
        }

        if (result.Latency is { } latency)
        {
            Append(line, "p50_us", Whole(latency.P50Micros));
            Append(line, "p99_us", Whole(latency.P99Micros));
            Append(line, "p999_us", Whole(latency.P999Micros));
            Append(line, "mean_us", latency.MeanMicros.ToString("F1", CultureInfo.InvariantCulture));
        }

        if (result.Checksum is { } checksum)
        {
            Append(line, "checksum", checksum.ToString(CultureInfo.InvariantCulture));
            Append(line, "checksum_ok", result.ChecksumOk ? "true" : "false");
        }

        Append(line, "runs", runs.ToString(CultureInfo.InvariantCulture));
        return line.ToString();
    }

    private static string Whole(double value) => Math.Round(value).ToString("F0", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder line, string key, string value)
    {
        if (line.Length > 0)
        {
            line.Append(' ');
        }

        line.Append(key).Append('=').Append(value);
    }
}
