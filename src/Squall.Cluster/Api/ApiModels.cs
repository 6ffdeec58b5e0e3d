namespace Squall.Cluster.Api;

// The HTTP API's bodies. Names follow Storm's UI REST API where it has the call (camelCase JSON).

internal sealed record TopologySummary(string Id, string Name, string Status, long UptimeSeconds, int WorkersTotal, long Epoch);

internal sealed record TopologyList(List<TopologySummary> Topologies);

internal sealed record WorkerInfo(int Index, string SupervisorId, string Host, int Port, bool Alive)
{
    /// <summary>The port of the supervisor's log viewer (0: unknown).</summary>
    public int LogPort { get; init; }
}

internal sealed record TopologyInfo(
    string Id,
    string Name,
    string Status,
    long UptimeSeconds,
    long Epoch,
    List<WorkerInfo> Workers,
    List<State.ComponentStatsDto> Stats,
    List<string> Errors,
    Dictionary<string, string> Conf)
{
    /// <summary>Each live worker's stats report (current epoch), with where it runs: what the UI renders.</summary>
    public List<WorkerReportEntry> Reports { get; init; } = [];
}

internal sealed record WorkerReportEntry(string SupervisorId, string Host, int Port, Runtime.Metrics.WorkerStatsReport Report)
{
    /// <summary>The port of the supervisor's log viewer (0: unknown).</summary>
    public int LogPort { get; init; }
}

internal sealed record SupervisorSummary(string Id, string Host, int SlotsTotal, int SlotsUsed, bool Alive)
{
    public long UptimeSeconds { get; init; }
}

internal sealed record SupervisorList(List<SupervisorSummary> Supervisors);

internal sealed record NimbusEntry(string Host, int Port, string Status);

internal sealed record NimbusList(List<NimbusEntry> Nimbuses);

internal sealed record ApiError(string Error, string ErrorMessage);

internal sealed record TopologyOperationResult(string TopologyOperation, string TopologyId, string Status);

internal sealed record RebalanceOptionsBody(int? NumWorkers = null, Dictionary<string, int>? Executors = null);

internal sealed record RebalanceRequest(RebalanceOptionsBody RebalanceOptions);
