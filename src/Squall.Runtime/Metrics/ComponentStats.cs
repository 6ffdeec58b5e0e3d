namespace Squall.Runtime.Metrics;

/// <summary>A snapshot of one component's counters, summed over its tasks.</summary>
/// <param name="ComponentId">The component.</param>
/// <param name="Emitted">Tuples emitted.</param>
/// <param name="Executed">Tuples executed (bolts).</param>
/// <param name="Acked">Tuples acked (bolts) or trees completed (spouts).</param>
/// <param name="Failed">Tuples failed (bolts) or trees failed (spouts, including timeouts).</param>
/// <param name="TimedOut">Trees that timed out (spouts).</param>
/// <param name="CompleteLatencyMs">Mean complete latency of the spout's trees (sampled: one tree in 8), in milliseconds.</param>
/// <param name="ThrottledMs">Time the spout spent not calling NextTuple because of backpressure or max pending.</param>
/// <param name="MaxPendingSeen">The most trees a spout task had pending at once.</param>
public sealed record ComponentStats(
    string ComponentId,
    long Emitted,
    long Executed,
    long Acked,
    long Failed,
    long TimedOut,
    double CompleteLatencyMs,
    double ThrottledMs,
    long MaxPendingSeen);
