namespace Squall.Cluster.State;

/// <summary>What a supervisor posts to the leader Nimbus every few seconds: it is alive, and its workers' reports.</summary>
internal sealed record SupervisorHeartbeat(string SupervisorId, string Host, List<int> Ports, List<WorkerHeartbeat> Workers);
