using System.Globalization;
using Squall.Perf.Reporting;
using Squall.Perf.Workloads;

namespace Squall.Perf;

/// <summary>
/// Runs the selected workloads one after another, each <see cref="PerfOptions.Runs"/> times, prints each
/// run's numbers to stderr and one median result line per workload to stdout, then the ratio lines.
/// Exit code 0 on success, 1 if any run's checksum was wrong, 2 on an unknown workload.
/// </summary>
internal sealed class BenchmarkRunner(WorkloadRegistry registry, TextWriter output)
{
    public int Run(PerfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var selected = registry.Select(options.Workload);
        if (selected.Count == 0)
        {
            var known = string.Join(", ", registry.All.Select(w => w.Name));
            Console.Error.WriteLine($"unknown workload '{options.Workload}'; known: {known}, {PerfOptions.AllWorkloads}");
            return 2;
        }

        var context = new WorkloadContext(options);
        var medians = new List<(IWorkload, WorkloadResult)>();
        var failed = false;
        foreach (var workload in selected)
        {
            var runs = new List<WorkloadResult>();
            for (var i = 1; i <= options.Runs; i++)
            {
                var result = workload.Run(context);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {i}/{options.Runs} {ResultLine.Format(result, 1)}"));
                if (!result.ChecksumOk)
                {
                    Console.Error.WriteLine($"FAILED {workload.Name}: checksum {result.Checksum} expected {result.ExpectedChecksum}");
                    failed = true;
                }

                runs.Add(result);
            }

            // A wrong checksum in any run must show on the result line, not only the median run's.
            var median = Median.Of(runs);
            if (runs.Find(r => !r.ChecksumOk) is { } wrong)
            {
                median = median with { Checksum = wrong.Checksum, ExpectedChecksum = wrong.ExpectedChecksum };
            }

            medians.Add((workload, median));
            output.WriteLine(ResultLine.Format(median, runs.Count));
        }

        foreach (var line in RatioLines.Format(medians))
        {
            output.WriteLine(line);
        }

        return failed ? 1 : 0;
    }
}
