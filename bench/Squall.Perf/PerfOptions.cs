namespace Squall.Perf;

/// <summary>The command line, parsed: what to run, for how long, how often, and on which corpus.</summary>
internal sealed record PerfOptions
{
    public const string AllWorkloads = "all";

    public string Workload { get; init; } = AllWorkloads;

    /// <summary>How long each run of each workload lasts (word counts round up to a whole pass).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times each workload runs; the median run is reported.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Parallelism of the split and count stages (Squall tasks, Dataflow blocks, channel workers).</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>A corpus file to use instead of generating one.</summary>
    public string? CorpusFile { get; init; }

    /// <summary>Corpus size when generating one.</summary>
    public int Sentences { get; init; } = 1_000_000;
}
