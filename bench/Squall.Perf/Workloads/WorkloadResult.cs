using Squall.Perf.Timing;

namespace Squall.Perf.Workloads;

/// <summary>
/// One run's numbers. Optional parts are null when a workload does not measure them: words/s and the
/// checksum for word counts, latency for the latency and acked workloads.
/// </summary>
internal sealed record WorkloadResult(string Workload, double TuplesPerSec)
{
    public double? WordsPerSec { get; init; }

    public LatencySummary? Latency { get; init; }

    public ulong? Checksum { get; init; }

    public ulong? ExpectedChecksum { get; init; }

    /// <summary>True when there is no checksum to check, or when it matches.</summary>
    public bool ChecksumOk => Checksum is null || Checksum == ExpectedChecksum;

    /// <summary>The number the median is taken over: words/s for word counts, else tuples/s.</summary>
    public double Headline => WordsPerSec ?? TuplesPerSec;
}
