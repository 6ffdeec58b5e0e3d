namespace Squall.Runtime.Metrics;

/// <summary>
/// Cumulative counters of one output stream of one task (Storm's per-stream emitted/transferred, and for
/// spouts the acked/failed/complete-latency of the trees rooted on that stream). Written only by the task's
/// executor thread with plain increments; read by the reporter, which tolerates a value one increment old.
/// </summary>
internal sealed class OutputCounters(string stream)
{
    public string Stream { get; } = stream;

    /// <summary>Emit calls on this stream (Storm counts an emit once, whatever the number of targets).</summary>
    public long Emitted;

    /// <summary>Tuples sent to target tasks (an emit to three tasks transfers three).</summary>
    public long Transferred;

    public long Acked;
    public long Failed;

    /// <summary>Sum of the sampled complete latencies, in <see cref="TimeProvider"/> timestamp ticks converted to TimeSpan ticks.</summary>
    public long CompleteTicks;
    public long CompleteSamples;
}
