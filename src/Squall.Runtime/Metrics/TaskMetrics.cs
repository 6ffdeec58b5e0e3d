namespace Squall.Runtime.Metrics;

/// <summary>
/// Counters of one task, written only by the executor thread that runs it (plain increments, no atomics on
/// the hot path) and read by any thread for reporting; a torn read is impossible for aligned longs on 64-bit.
/// </summary>
internal sealed class TaskMetrics
{
    public TaskMetrics(string componentId, int taskId)
    {
        ComponentId = componentId;
        TaskId = taskId;
    }

    public string ComponentId { get; }

    public int TaskId { get; }

    public long Emitted;
    public long Executed;
    public long Acked;
    public long Failed;
    public long TimedOut;
    public long CompleteLatencyTicks;
    public long CompleteCount;
    public long ThrottledTicks;
    public long MaxPendingSeen;
}
