using Squall.Runtime.Messaging;
using Squall.Runtime.Metrics;

namespace Squall.Runtime.Execution;

/// <summary>
/// One task inside an executor: a spout, a bolt or an acker. Only its executor's thread calls it, so it needs
/// no locks; it survives a rebalance (the executor hosting it changes, its state does not).
/// </summary>
internal abstract class TaskRunner
{
    protected TaskRunner(WorkerContext worker, string componentId, int taskId, ComponentSpec? component = null, TopologyContext? context = null)
    {
        Worker = worker;
        ComponentId = componentId;
        TaskId = taskId;
        Metrics = new TaskMetrics(componentId, taskId, component?.StreamList, component?.IsSpout ?? false);
        Mailbox = new TaskMailbox(this);
        Context = context;
    }

    /// <summary>The user-facing context (null for ackers).</summary>
    public TopologyContext? Context { get; }

    /// <summary>Whether the task has hooks: asked before any hook event is built, so no hooks cost a compare and nothing else.</summary>
    public bool HasHooks
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => Context is { } context && context.HookArray.Length > 0;
    }

    public WorkerContext Worker { get; }

    public string ComponentId { get; }

    public int TaskId { get; }

    public TaskMetrics Metrics { get; }

    /// <summary>This task's emit path (null for ackers, which only send ack-protocol messages).</summary>
    public Emitter? Emitter { get; protected set; }

    /// <summary>The hosting executor's outbox; replaced when a rebalance moves the task.</summary>
    public Outbox Outbox { get; set; } = null!;

    /// <summary>Work other threads hand to this task (<see cref="TopologyContext.Mailbox"/>); it follows the task when a rebalance moves it.</summary>
    public TaskMailbox Mailbox { get; }

    /// <summary>
    /// The managed id of the thread running this task's executor right now (a pool thread for a slice, a
    /// spout's own thread), 0 between slices: the collectors are usable only from inside the executor.
    /// </summary>
    public int ExecutorThreadId { get; set; }

    /// <summary>False after Open/Prepare threw: the task then drops its input (which times out and replays).</summary>
    public bool IsReady { get; private set; }

    public void Start()
    {
        try
        {
            StartCore();
            IsReady = true;
        }
        catch (Exception e)
        {
            ReportError(e);
        }
    }

    public void Stop()
    {
        if (IsReady)
        {
            Guard(StopCore);
        }

        foreach (var hook in Context?.HookArray ?? [])
        {
            Guard(hook.Cleanup);
        }
    }

    /// <summary>Reports this task's registered metrics of <paramref name="bucketSecs"/> (on the executor thread, as Storm).</summary>
    protected void CollectMetrics(int bucketSecs)
    {
        if (Context is { } context && Worker.UserMetrics is { } hub && context.MetricRegistrations.Count > 0)
        {
            hub.Collect(context, bucketSecs, ReportError);
        }
    }

    /// <summary>Calls <paramref name="call"/> on every hook; a throwing hook is reported, never fatal.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public void RunHooks<TInfo>(Action<ITaskHook, TInfo> call, TInfo info)
    {
        foreach (var hook in Context!.HookArray)
        {
            try
            {
                call(hook, info);
            }
            catch (Exception e)
            {
                ReportError(e);
            }
        }
    }

    public abstract void Handle(ref Envelope envelope);

    public virtual void OnControl(ControlMessage message)
    {
    }

    public void ReportError(Exception error) => Worker.ReportError(ComponentId, TaskId, error);

    /// <summary>
    /// As in Storm 2, collectors are not thread-safe: they write to the executor's own outbox. A call from
    /// anywhere but the executor while it runs (another thread, or a pool thread between its slices) would
    /// corrupt it silently, so it fails loudly instead (one compare on the hot path).
    /// </summary>
    public void CheckCollectorThread()
    {
        if (Environment.CurrentManagedThreadId != ExecutorThreadId)
        {
            ThrowWrongThread();
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ThrowWrongThread() => throw new InvalidOperationException(
        $"Component '{ComponentId}' (task {TaskId}) used its collector from another thread (or outside the call its executor was running). As in Storm 2, collectors are not thread-safe: emit, ack and fail only from the component's own methods (NextTuple, Execute, Ack, Fail, ...), e.g. by queueing work for them.");

    /// <summary>Sends an ack-protocol message to the acker task that owns <paramref name="root"/>.</summary>
    /// <summary>
    /// Another worker's spout says a tree failed (<see cref="MessageKind.TreeFailed"/> with
    /// <see cref="TupleTrees.TreeEnd.Notice"/>): this worker assembles what its own tasks recorded of it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    protected void Noticed(ref Envelope envelope) => Worker.FailedTrees.Ended(new TupleTrees.TreeEnd(
        envelope.Root, Worker.Time.GetTimestamp(), Worker.Layout.ComponentOfTask[envelope.SourceTask], envelope.SourceTask, null, envelope.Reason!));

    public void SendToAcker(MessageKind kind, long root, long value, FailureReason? reason = null) =>
        SendTo(Worker.Layout.AckerOf(root), kind, root, value, reason);

    public void SendTo(int task, MessageKind kind, long root, long value = 0, FailureReason? reason = null) =>
        Outbox.Add(Worker.ExecutorOfTask[task], Envelope.ForAck(kind, task, root, value, TaskId, reason));

    protected abstract void StartCore();

    protected abstract void StopCore();

    /// <summary>Runs user code; an exception becomes this component's reported error, never the executor's death.</summary>
    protected void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            ReportError(e);
        }
    }
}
