namespace Squall.Cluster.Supervisor;

/// <summary>
/// What the supervisor observed for a slot this round: the assignment it should run (from ZooKeeper), whether
/// that package is on disk, whether the slot's worker process lives, and the worker's latest heartbeat.
/// </summary>
internal sealed record SlotInputs(
    SlotAssignment? Desired,
    bool PackageReady,
    bool ProcessAlive,
    SlotHeartbeat? Heartbeat,
    DateTimeOffset Now);

/// <summary>The part of a worker's heartbeat the state machine needs.</summary>
internal sealed record SlotHeartbeat(string TopologyId, long Epoch, DateTimeOffset Time);
