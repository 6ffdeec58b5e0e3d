namespace Squall.Runtime.Metrics;

/// <summary>
/// Cumulative counters of one input of one bolt task: a (source component, stream) pair, as Storm keys a
/// bolt's executed/acked/failed and latencies. Latencies are sums over sampled tuples with their count.
/// </summary>
internal sealed class InputCounters(StreamDescriptor source)
{
    public StreamDescriptor Source { get; } = source;

    public long Executed;
    public long Acked;
    public long Failed;
    public long ExecuteTicks;
    public long ExecuteSamples;
    public long ProcessTicks;
    public long ProcessSamples;
}
