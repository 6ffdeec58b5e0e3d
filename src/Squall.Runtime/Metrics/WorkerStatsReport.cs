using Squall.Runtime.EventLogging;

namespace Squall.Runtime.Metrics;

// The built-in stats a worker reports (to its supervisor, then Nimbus; or to the local-mode UI): Storm's
// per-stream counters per task and per window. Latencies travel as sums over samples with their counts, so
// that any aggregate (executor, component, topology) averages them correctly.

/// <summary>A worker's report: its tasks' stats per window, the topology's shape and the recent errors.</summary>
/// <param name="TopologyId">The topology.</param>
/// <param name="Time">When the report was made.</param>
/// <param name="UptimeSecs">How long the worker has been running.</param>
/// <param name="Port">The worker's port (0 in a single-worker local topology).</param>
/// <param name="Components">The components of the topology, with their inputs and streams.</param>
/// <param name="Tasks">Stats of each task of this worker.</param>
/// <param name="Errors">The last errors per component, newest last.</param>
public sealed record WorkerStatsReport(
    string TopologyId,
    DateTimeOffset Time,
    double UptimeSecs,
    int Port,
    List<ComponentShape> Components,
    List<TaskStats> Tasks,
    List<ErrorReport> Errors)
{
    /// <summary>The debug options the worker samples by (Storm's <c>component_debug</c>).</summary>
    public DebugOptions Debug { get; init; } = DebugOptions.Off;

    /// <summary>False when <c>topology.eventlogger.executors</c> is 0: debug sampling is off for good.</summary>
    public bool EventLoggingEnabled { get; init; } = true;

    /// <summary>The worker's most recent sampled events (debug), oldest first.</summary>
    public List<SampledEvent> Events { get; init; } = [];

    /// <summary>The last failed tuple trees of this worker's spouts, from the tasks' flight recorders, oldest first.</summary>
    public List<Squall.Runtime.TupleTrees.FailedTree> FailedTrees { get; init; } = [];
}
