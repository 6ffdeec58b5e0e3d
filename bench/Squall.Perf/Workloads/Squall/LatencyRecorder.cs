using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Squall;

/// <summary>The sink's histogram (one recording thread), switched on after the warm-up; read it after the kill.</summary>
internal sealed class LatencyRecorder
{
    private volatile bool _recording;

    public LatencyHistogram Histogram { get; } = new();

    public bool Recording
    {
        get => _recording;
        set => _recording = value;
    }
}
