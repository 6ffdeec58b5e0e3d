using System.CommandLine;
using Squall.Perf.Workloads;

namespace Squall.Perf.Cli;

/// <summary>The command line: options, their defaults and checks, mapped onto <see cref="PerfOptions"/>.</summary>
internal static class PerfCommand
{
    public static RootCommand Create(WorkloadRegistry registry, Func<PerfOptions, int> run)
    {
        var defaults = new PerfOptions();
        var names = string.Join(", ", registry.All.Select(w => w.Name));

        var workload = new Option<string>("--workload", "-w")
        {
            Description = $"Workload to run: {names}, or {PerfOptions.AllWorkloads}.",
            DefaultValueFactory = _ => defaults.Workload,
        };
        var duration = new Option<double>("--duration", "-d")
        {
            Description = "Seconds per run of each workload (word counts finish their current pass).",
            DefaultValueFactory = _ => defaults.Duration.TotalSeconds,
        };
        var runs = new Option<int>("--runs", "-r")
        {
            Description = "Runs per workload; the median run is reported.",
            DefaultValueFactory = _ => defaults.Runs,
        };
        var parallelism = new Option<int>("--parallelism", "-p")
        {
            Description = "Parallelism of the split and count stages.",
            DefaultValueFactory = _ => defaults.Parallelism,
        };
        var corpus = new Option<FileInfo?>("--corpus")
        {
            Description = "Corpus file (one sentence a line); default: generate one with make-corpus.py, cached in the temp dir.",
        };
        var sentences = new Option<int>("--sentences")
        {
            Description = "Sentences in a generated corpus.",
            DefaultValueFactory = _ => defaults.Sentences,
        };

        RequirePositive(duration, v => v > 0);
        RequirePositive(runs, v => v > 0);
        RequirePositive(parallelism, v => v > 0);
        RequirePositive(sentences, v => v > 0);

        var command = new RootCommand("Squall.Perf: Squall topology throughput and latency, with .NET peers side by side.")
        {
            workload, duration, runs, parallelism, corpus, sentences,
        };
        command.SetAction(result => run(new PerfOptions
        {
            Workload = result.GetValue(workload) ?? defaults.Workload,
            Duration = TimeSpan.FromSeconds(result.GetValue(duration)),
            Runs = result.GetValue(runs),
            Parallelism = result.GetValue(parallelism),
            CorpusFile = result.GetValue(corpus)?.FullName,
            Sentences = result.GetValue(sentences),
        }));
        return command;
    }

    private static void RequirePositive<T>(Option<T> option, Func<T, bool> isValid) =>
        option.Validators.Add(result =>
        {
            if (!isValid(result.GetValueOrDefault<T>()))
            {
                result.AddError($"{option.Name} must be positive");
            }
        });
}
