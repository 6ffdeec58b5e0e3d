namespace Squall.Cluster.State;

/// <summary><c>/supervisors/{id}</c> (ephemeral): a live supervisor and its slot ports.</summary>
internal sealed record SupervisorInfo(string Id, string Host, List<int> Ports, DateTimeOffset StartedAt)
{
    /// <summary>The port of its log viewer (0: none), for links to its workers' logs.</summary>
    public int LogPort { get; init; }
}
