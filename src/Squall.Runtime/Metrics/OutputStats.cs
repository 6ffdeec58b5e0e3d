namespace Squall.Runtime.Metrics;

/// <summary>One output stream over a window.</summary>
/// <param name="Stream">The stream.</param>
/// <param name="Emitted">Emit calls.</param>
/// <param name="Transferred">Tuples sent to tasks.</param>
/// <param name="Acked">Spouts: trees rooted on this stream that completed.</param>
/// <param name="Failed">Spouts: trees that failed or timed out.</param>
/// <param name="CompleteMsSum">Spouts: sum of the sampled complete latencies (ms).</param>
/// <param name="CompleteSamples">Spouts: how many trees were sampled.</param>
public sealed record OutputStats(string Stream, long Emitted, long Transferred, long Acked, long Failed, double CompleteMsSum, long CompleteSamples);
