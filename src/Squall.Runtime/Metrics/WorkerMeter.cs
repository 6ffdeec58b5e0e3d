using System.Diagnostics.Metrics;

namespace Squall.Runtime.Metrics;

/// <summary>
/// Publishes a worker's per-component counters through <c>System.Diagnostics.Metrics</c> (meter "Squall"),
/// for OpenTelemetry, dotnet-counters or Prometheus exporters. Observable instruments read the task
/// counters only when a listener collects, so the hot path pays nothing.
/// </summary>
internal sealed class WorkerMeter : IDisposable
{
    public const string MeterName = "Squall";

    private readonly Meter _meter = new(MeterName);
    private readonly string _topologyId;
    private readonly Func<IReadOnlyList<ComponentStats>> _stats;

    public WorkerMeter(string topologyId, Func<IReadOnlyList<ComponentStats>> stats)
    {
        _topologyId = topologyId;
        _stats = stats;
        Counter("squall.tuples.emitted", "Tuples emitted", s => s.Emitted);
        Counter("squall.tuples.executed", "Tuples executed by bolts", s => s.Executed);
        Counter("squall.tuples.acked", "Tuples acked (bolts) or trees completed (spouts)", s => s.Acked);
        Counter("squall.tuples.failed", "Tuples failed (bolts) or trees failed (spouts)", s => s.Failed);
        Counter("squall.trees.timed_out", "Spout trees that timed out", s => s.TimedOut);
        _meter.CreateObservableGauge("squall.spout.complete_latency", () => Measure(s => s.CompleteLatencyMs), "ms", "Mean complete latency of spout trees");
        _meter.CreateObservableCounter("squall.spout.throttled", () => Measure(s => s.ThrottledMs), "ms", "Time spouts spent throttled by backpressure or max pending");
    }

    public void Dispose() => _meter.Dispose();

    private void Counter(string name, string description, Func<ComponentStats, long> value) =>
        _meter.CreateObservableCounter(name, () => Measure(value), unit: "{tuple}", description: description);

    private IEnumerable<Measurement<T>> Measure<T>(Func<ComponentStats, T> value)
        where T : struct =>
        _stats().Select(s => new Measurement<T>(value(s), new KeyValuePair<string, object?>("topology", _topologyId), new KeyValuePair<string, object?>("component", s.ComponentId)));
}
