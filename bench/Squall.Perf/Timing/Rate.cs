namespace Squall.Perf.Timing;

/// <summary>Throughput arithmetic shared by the workloads.</summary>
internal static class Rate
{
    public static double PerSecond(long count, TimeSpan elapsed) =>
        elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;
}
