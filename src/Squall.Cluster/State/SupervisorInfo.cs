namespace Squall.Cluster.State;

/// <summary><c>/supervisors/{id}</c> (ephemeral): a live supervisor and its slot ports.</summary>
internal sealed record SupervisorInfo(string Id, string Host, List<int> Ports, DateTimeOffset StartedAt);
