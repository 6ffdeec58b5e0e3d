namespace Squall.Cluster.State;

/// <summary>
/// What a worker tells its supervisor every second, through a file in the slot's directory (Storm's workers
/// also heartbeat to local disk): never through ZooKeeper, so heartbeats cost ZooKeeper nothing.
/// </summary>
internal sealed record WorkerHeartbeat
{
    public required string TopologyId { get; init; }

    public required long Epoch { get; init; }

    public required int Port { get; init; }

    public required int Pid { get; init; }

    public required DateTimeOffset Time { get; init; }

    public List<ComponentStatsDto> Stats { get; init; } = [];

    public List<string> Errors { get; init; } = [];

    /// <summary>Storm's built-in stats of the worker's tasks, per stream and window, with the last errors (for the UI).</summary>
    public Runtime.Metrics.WorkerStatsReport? Report { get; init; }
}
