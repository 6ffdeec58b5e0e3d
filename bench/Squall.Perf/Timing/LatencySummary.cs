namespace Squall.Perf.Timing;

/// <summary>Percentiles of a latency distribution in microseconds, as reported on a result line.</summary>
internal readonly record struct LatencySummary(long P50Micros, long P99Micros, long P999Micros, double MeanMicros, long Samples);
