namespace Squall;

/// <summary>
/// How a spout emits. A tuple emitted with a message id is tracked: the spout's <c>Ack</c> or <c>Fail</c> is
/// called with that id when its tree completes, fails or times out. Without a message id it is not tracked.
/// </summary>
public abstract class SpoutOutputCollector
{
    /// <summary>Emits to the default stream.</summary>
    public TaskIds Emit(Values values, object? messageId = null) =>
        EmitCore(Constants.DefaultStreamId, values, messageId, directTask: -1);

    /// <summary>Emits to <paramref name="streamId"/>.</summary>
    public TaskIds Emit(string streamId, Values values, object? messageId = null) =>
        EmitCore(streamId, values, messageId, directTask: -1);

    /// <summary>Emits to task <paramref name="taskId"/> on the default stream, which must be declared direct.</summary>
    public void EmitDirect(int taskId, Values values, object? messageId = null) =>
        EmitCore(Constants.DefaultStreamId, values, messageId, ValidTask(taskId));

    /// <summary>Emits to task <paramref name="taskId"/> on <paramref name="streamId"/>, which must be declared direct.</summary>
    public void EmitDirect(int taskId, string streamId, Values values, object? messageId = null) =>
        EmitCore(streamId, values, messageId, ValidTask(taskId));

    /// <summary>Sends what this task emitted so far on its way now (Storm 2's <c>flush</c>).</summary>
    public virtual void Flush()
    {
    }

    /// <summary>Reports an error for this component (shown in metrics and logs); the task keeps running.</summary>
    public abstract void ReportError(Exception error);

    /// <summary>The number of tuple trees emitted by this task that are neither acked nor failed yet.</summary>
    public abstract int PendingCount { get; }

    /// <summary>Emits <paramref name="values"/>; <paramref name="directTask"/> is -1 unless emitting direct.</summary>
    protected abstract TaskIds EmitCore(string streamId, Values values, object? messageId, int directTask);

    private static int ValidTask(int taskId) =>
        taskId >= 0 ? taskId : throw new ArgumentOutOfRangeException(nameof(taskId), taskId, "A task id is never negative.");
}
