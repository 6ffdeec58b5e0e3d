using System.Collections.Concurrent;
using Squall.Runtime.Execution;
using Squall.Runtime.Metrics;

namespace Squall.Runtime;

/// <summary>A submitted topology inside a <see cref="LocalCluster"/>: its worker runtime, status and errors.</summary>
internal sealed class RunningTopology
{
    private readonly ConcurrentQueue<ComponentError> _errors = new();

    public RunningTopology(string name, Config conf, StormTopology topology, LocalClusterOptions options)
    {
        Name = name;
        var topologyOptions = TopologyOptions.From(conf);
        var layout = new TaskLayout(topology, topologyOptions.Ackers);
        var context = new WorkerContext(name, conf, topologyOptions, layout, options.Time, error =>
        {
            _errors.Enqueue(error);
            options.OnError?.Invoke(error);
        });
        Worker = new WorkerRuntime(context);
    }

    public string Name { get; }

    public WorkerRuntime Worker { get; }

    public IReadOnlyList<ComponentError> Errors => [.. _errors];

    public IReadOnlyList<ComponentStats> Stats() => [.. Worker.TaskMetrics
        .GroupBy(m => m.ComponentId)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new ComponentStats(
            g.Key,
            g.Sum(m => Volatile.Read(ref m.Emitted)),
            g.Sum(m => Volatile.Read(ref m.Executed)),
            g.Sum(m => Volatile.Read(ref m.Acked)),
            g.Sum(m => Volatile.Read(ref m.Failed)),
            g.Sum(m => Volatile.Read(ref m.TimedOut)),
            MeanMs(g.Sum(m => m.CompleteLatencyTicks), g.Sum(m => m.CompleteCount)),
            TimeSpan.FromTicks(g.Sum(m => m.ThrottledTicks)).TotalMilliseconds,
            g.Max(m => m.MaxPendingSeen)))];

    private static double MeanMs(long ticks, long count) => count == 0 ? 0 : TimeSpan.FromTicks(ticks / count).TotalMilliseconds;
}
