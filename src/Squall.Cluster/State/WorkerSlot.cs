namespace Squall.Cluster.State;

/// <summary>One worker's place: a port on a supervisor's host.</summary>
internal sealed record WorkerSlot(string SupervisorId, string Host, int Port);
