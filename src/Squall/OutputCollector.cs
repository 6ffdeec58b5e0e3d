namespace Squall;

/// <summary>
/// How a bolt emits, acks and fails. Emitting with anchors ties the new tuple into the anchors' trees, so a
/// failure downstream replays the spout tuple; every input must be acked or failed exactly once.
/// </summary>
public abstract class OutputCollector
{
    /// <summary>Emits an unanchored tuple to the default stream.</summary>
    public TaskIds Emit(Values values) => EmitCore(Constants.DefaultStreamId, default, values, directTask: -1);

    /// <summary>Emits a tuple anchored to <paramref name="anchor"/> to the default stream.</summary>
    public TaskIds Emit(Tuple anchor, Values values) =>
        EmitCore(Constants.DefaultStreamId, new ReadOnlySpan<Tuple>(in anchor), values, directTask: -1);

    /// <summary>Emits a tuple anchored to every tuple in <paramref name="anchors"/> to the default stream.</summary>
    public TaskIds Emit(IEnumerable<Tuple> anchors, Values values) =>
        EmitCore(Constants.DefaultStreamId, ToSpan(anchors), values, directTask: -1);

    /// <summary>Emits an unanchored tuple to <paramref name="streamId"/>.</summary>
    public TaskIds Emit(string streamId, Values values) => EmitCore(streamId, default, values, directTask: -1);

    /// <summary>Emits a tuple anchored to <paramref name="anchor"/> to <paramref name="streamId"/>.</summary>
    public TaskIds Emit(string streamId, Tuple anchor, Values values) =>
        EmitCore(streamId, new ReadOnlySpan<Tuple>(in anchor), values, directTask: -1);

    /// <summary>Emits a tuple anchored to <paramref name="anchors"/> to <paramref name="streamId"/>.</summary>
    public TaskIds Emit(string streamId, IEnumerable<Tuple> anchors, Values values) =>
        EmitCore(streamId, ToSpan(anchors), values, directTask: -1);

    /// <summary>Emits to task <paramref name="taskId"/> on the default stream, which must be declared direct.</summary>
    public void EmitDirect(int taskId, Values values) =>
        EmitCore(Constants.DefaultStreamId, default, values, ValidTask(taskId));

    /// <summary>Emits to task <paramref name="taskId"/>, anchored, on the default stream.</summary>
    public void EmitDirect(int taskId, Tuple anchor, Values values) =>
        EmitCore(Constants.DefaultStreamId, new ReadOnlySpan<Tuple>(in anchor), values, ValidTask(taskId));

    /// <summary>Emits to task <paramref name="taskId"/> on <paramref name="streamId"/>, which must be declared direct.</summary>
    public void EmitDirect(int taskId, string streamId, Values values) =>
        EmitCore(streamId, default, values, ValidTask(taskId));

    /// <summary>Emits to task <paramref name="taskId"/>, anchored to <paramref name="anchor"/>, on <paramref name="streamId"/>.</summary>
    public void EmitDirect(int taskId, string streamId, Tuple anchor, Values values) =>
        EmitCore(streamId, new ReadOnlySpan<Tuple>(in anchor), values, ValidTask(taskId));

    /// <summary>Emits to task <paramref name="taskId"/>, anchored to every tuple in <paramref name="anchors"/>, on the default stream.</summary>
    public void EmitDirect(int taskId, IEnumerable<Tuple> anchors, Values values) =>
        EmitCore(Constants.DefaultStreamId, ToSpan(anchors), values, ValidTask(taskId));

    /// <summary>Emits to task <paramref name="taskId"/>, anchored, on <paramref name="streamId"/>.</summary>
    public void EmitDirect(int taskId, string streamId, IEnumerable<Tuple> anchors, Values values) =>
        EmitCore(streamId, ToSpan(anchors), values, ValidTask(taskId));

    /// <summary>Marks <paramref name="input"/> as fully processed by this bolt.</summary>
    public abstract void Ack(Tuple input);

    /// <summary>Fails <paramref name="input"/>: its spout tuple is failed (and replayed by a reliable spout).</summary>
    public void Fail(Tuple input) => Fail(input, reason: null);

    /// <summary>Fails <paramref name="input"/>, telling the spout why.</summary>
    public abstract void Fail(Tuple input, string? reason);

    /// <summary>Restarts the message timeout of the trees <paramref name="input"/> belongs to.</summary>
    public abstract void ResetTimeout(Tuple input);

    /// <summary>
    /// Sends what this task emitted so far on its way now, without waiting for the end of the executor's
    /// loop (Storm 2's <c>flush</c>; emits leave at the end of every loop anyway).
    /// </summary>
    public virtual void Flush()
    {
    }

    /// <summary>Reports an error for this component (shown in metrics and logs); the task keeps running.</summary>
    public abstract void ReportError(Exception error);

    /// <summary>Emits <paramref name="values"/>; <paramref name="directTask"/> is -1 unless emitting direct.</summary>
    protected abstract TaskIds EmitCore(string streamId, ReadOnlySpan<Tuple> anchors, Values values, int directTask);

    private static ReadOnlySpan<Tuple> ToSpan(IEnumerable<Tuple> anchors) => anchors switch
    {
        Tuple[] array => array,
        List<Tuple> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        _ => anchors.ToArray(),
    };

    private static int ValidTask(int taskId) =>
        taskId >= 0 ? taskId : throw new ArgumentOutOfRangeException(nameof(taskId), taskId, "A task id is never negative.");
}
