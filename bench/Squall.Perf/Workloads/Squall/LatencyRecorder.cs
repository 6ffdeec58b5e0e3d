using System.Diagnostics;
using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// A histogram for one recording thread (a spout's Ack, a sink's Execute), switched on once the warm-up
/// is over so it is left out. Read <see cref="Histogram"/> only after the topology is killed.
/// </summary>
internal sealed class LatencyRecorder
{
    private volatile bool _recording;

    public LatencyHistogram Histogram { get; } = new();

    public bool Recording
    {
        get => _recording;
        set => _recording = value;
    }

    /// <summary>Records the time since <paramref name="startTimestamp"/> (Stopwatch ticks), when recording.</summary>
    public void RecordSince(long startTimestamp)
    {
        if (_recording)
        {
            Histogram.RecordTicks(Stopwatch.GetTimestamp() - startTimestamp);
        }
    }
}
