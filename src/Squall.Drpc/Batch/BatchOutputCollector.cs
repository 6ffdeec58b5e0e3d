namespace Squall.Drpc;

/// <summary>
/// What a <see cref="IBatchBolt"/> emits through (Storm's <c>BatchOutputCollector</c>). Emits are anchored
/// to the request's tuple tree for you, so a failure downstream still reaches the caller. Single-threaded,
/// like every collector: call it from Execute and FinishBatch only.
/// </summary>
public abstract class BatchOutputCollector
{
    /// <summary>Emits on the default stream; returns the task ids it went to (valid until the next emit).</summary>
    public TaskIds Emit(Values values) => EmitCore(Constants.DefaultStreamId, values, directTask: -1);

    public TaskIds Emit(string streamId, Values values) => EmitCore(streamId, values, directTask: -1);

    public void EmitDirect(int taskId, Values values) => EmitCore(Constants.DefaultStreamId, values, taskId);

    public void EmitDirect(int taskId, string streamId, Values values) => EmitCore(streamId, values, taskId);

    public abstract void ReportError(Exception error);

    protected abstract TaskIds EmitCore(string streamId, Values values, int directTask);
}
