using System.Diagnostics;
using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// Complete latencies (emit to the spout's Ack) recorded on the spout's thread once <see cref="Recording"/>
/// is set, so the warm-up is left out. Read <see cref="Histogram"/> only after the topology is killed.
/// </summary>
internal sealed class CompleteLatencyProbe
{
    private volatile bool _recording;

    public LatencyHistogram Histogram { get; } = new();

    public bool Recording
    {
        get => _recording;
        set => _recording = value;
    }

    public void Completed(long emitTimestamp)
    {
        if (_recording)
        {
            Histogram.RecordTicks(Stopwatch.GetTimestamp() - emitTimestamp);
        }
    }
}
