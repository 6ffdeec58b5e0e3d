namespace Squall.Cluster.Supervisor;

/// <summary>The durations the slot state machine judges workers by.</summary>
internal sealed record SlotTimeouts(TimeSpan WorkerTimeout, TimeSpan WorkerStartTimeout, TimeSpan KillGrace);
