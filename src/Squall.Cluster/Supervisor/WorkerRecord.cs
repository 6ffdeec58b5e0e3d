namespace Squall.Cluster.Supervisor;

/// <summary>
/// <c>workers/{port}/worker.json</c>: the worker a slot started, so a restarted supervisor adopts it (or
/// kills it) instead of leaving it orphaned. The start time guards against a recycled pid.
/// </summary>
internal sealed record WorkerRecord(int Pid, DateTime StartTime, string TopologyId, long Epoch, string PackageHash);
