using System.Diagnostics;
using System.Globalization;

namespace Squall.Perf.Workloads;

/// <summary>
/// The COST measurement: runs <c>wordcount-unacked</c> and <c>peer-loop</c> in child processes of this
/// harness pinned with <c>taskset</c> to one core, then to two, and prints each rate and Squall's ratio to
/// the single-thread loop on stderr. Its result line carries Squall's words/s on one core (tuples_per_sec)
/// and on two (words_per_sec). Needs Linux's <c>taskset</c> and at least two cores.
/// </summary>
internal sealed class ScalingWorkload : IWorkload
{
    public string Name => "scaling";

    public bool IsPeer => false;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var oneSquall = Child("0", "wordcount-unacked", options);
        var oneLoop = Child("0", "peer-loop", options);
        var twoSquall = Child("0,1", "wordcount-unacked", options);
        var twoLoop = Child("0,1", "peer-loop", options);
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"scaling cores=1 squall={oneSquall:F0} loop={oneLoop:F0} ratio={oneSquall / oneLoop:F2}; cores=2 squall={twoSquall:F0} loop={twoLoop:F0} ratio={twoSquall / twoLoop:F2}; squall 2/1 cores={twoSquall / oneSquall:F2}"));
        return new WorkloadResult(Name, oneSquall) { WordsPerSec = twoSquall };
    }

    /// <summary>Words/s of one run of <paramref name="workload"/> in a child pinned to <paramref name="cpus"/>.</summary>
    private static double Child(string cpus, string workload, PerfOptions options)
    {
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", cpus, Environment.ProcessPath!, typeof(ScalingWorkload).Assembly.Location })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in new[] { "--workload", workload, "--runs", "1", "--duration", options.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--sentences", options.Sentences.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("taskset did not start");
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        foreach (var part in output.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("words_per_sec=", StringComparison.Ordinal))
            {
                return double.Parse(part["words_per_sec=".Length..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{workload} on cpus {cpus} printed no words_per_sec (exit {child.ExitCode}): {output}");
    }
}
