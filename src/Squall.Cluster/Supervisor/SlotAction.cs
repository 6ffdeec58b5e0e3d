namespace Squall.Cluster.Supervisor;

/// <summary>A side effect the slot's state machine asks the supervisor to perform.</summary>
internal abstract record SlotAction
{
    /// <summary>Download and unpack the package (idempotent: a fetch already under way is not started again).</summary>
    public sealed record FetchPackage(SlotAssignment Assignment) : SlotAction;

    /// <summary>Start a worker process for the assignment on this slot's port.</summary>
    public sealed record LaunchWorker(SlotAssignment Assignment) : SlotAction;

    /// <summary>Ask the worker to stop (SIGTERM), or kill it (SIGKILL) when <paramref name="Force"/>.</summary>
    public sealed record KillWorker(bool Force) : SlotAction;

    /// <summary>Forget the slot's worker: its heartbeat and record files.</summary>
    public sealed record ClearSlot : SlotAction;
}
