using Squall.Runtime.Metrics;

namespace Squall.Runtime;

/// <summary>A running topology seen from outside (Storm's <c>TopologyInfo</c>): per-component and per-executor stats, and errors.</summary>
/// <param name="Name">The topology's name (its id in local mode).</param>
/// <param name="Status">ACTIVE or INACTIVE, as Storm says.</param>
/// <param name="Uptime">Time since it was submitted, on the cluster's clock.</param>
/// <param name="Workers">How many workers run it.</param>
/// <param name="Components">Counters per component.</param>
/// <param name="Executors">Counters per executor.</param>
/// <param name="Errors">Errors its components reported, oldest first.</param>
public sealed record TopologyInfo(
    string Name,
    string Status,
    TimeSpan Uptime,
    int Workers,
    IReadOnlyList<ComponentStats> Components,
    IReadOnlyList<ExecutorSummary> Executors,
    IReadOnlyList<ComponentError> Errors);
