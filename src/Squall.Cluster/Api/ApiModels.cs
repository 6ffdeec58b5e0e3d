namespace Squall.Cluster.Api;

// The HTTP API's bodies. Names follow Storm's UI REST API where it has the call (camelCase JSON).

internal sealed record TopologySummary(string Id, string Name, string Status, long UptimeSeconds, int WorkersTotal, long Epoch);

internal sealed record TopologyList(List<TopologySummary> Topologies);

internal sealed record WorkerInfo(int Index, string SupervisorId, string Host, int Port, bool Alive);

internal sealed record TopologyInfo(
    string Id,
    string Name,
    string Status,
    long UptimeSeconds,
    long Epoch,
    List<WorkerInfo> Workers,
    List<State.ComponentStatsDto> Stats,
    List<string> Errors,
    Dictionary<string, string> Conf);

internal sealed record SupervisorSummary(string Id, string Host, int SlotsTotal, int SlotsUsed, bool Alive);

internal sealed record SupervisorList(List<SupervisorSummary> Supervisors);

internal sealed record NimbusEntry(string Host, int Port, string Status);

internal sealed record NimbusList(List<NimbusEntry> Nimbuses);

internal sealed record ApiError(string Error, string ErrorMessage);

internal sealed record TopologyOperationResult(string TopologyOperation, string TopologyId, string Status);

internal sealed record RebalanceOptionsBody(int? NumWorkers = null, Dictionary<string, int>? Executors = null);

internal sealed record RebalanceRequest(RebalanceOptionsBody RebalanceOptions);
