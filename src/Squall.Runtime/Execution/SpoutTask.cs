using Squall.Runtime.Acking;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>
/// A spout task: calls the user's spout, tracks its pending trees in a rotating map (timeouts without
/// timers), and turns acker verdicts into Ack / Fail calls with their reasons. The complete latency is the
/// mean over a sample of the trees (one in <see cref="LatencySampleEvery"/>, never the first).
/// </summary>
internal sealed class SpoutTask : TaskRunner
{
    /// <summary>Complete latency is measured on one tree in this many (a power of two), as Storm samples its stats.</summary>
    public const int LatencySampleEvery = 8;

    private readonly ISpout _spout;
    private readonly IFailureAwareSpout? _reasoned;
    private readonly Config _conf;
    private readonly TopologyContext _context;
    private readonly RotatingMap<PendingTree> _pending = new(TopologyOptions.TimeoutBuckets);
    private readonly Queue<(object MessageId, int Stream)> _completedWithoutTree = new();
    private readonly int _maxPending;
    private long _tracked;
    private SpoutCollector? _collector;
    private EventLogging.EventSampler? _sampler;
    private long _throttledSince;

    public SpoutTask(WorkerContext worker, ComponentSpec component, ISpout spout, Config conf, TopologyContext context)
        : base(worker, component.Id, context.ThisTaskId, component, context)
    {
        _spout = spout;
        _reasoned = spout as IFailureAwareSpout;
        _conf = conf;
        _context = context;
        _maxPending = conf.MaxSpoutPending ?? int.MaxValue;
        Component = component;
    }

    public ComponentSpec Component { get; }

    public int PendingCount { get; private set; }

    /// <summary>
    /// False while <c>topology.max.spout.pending</c> trees are pending: NextTuple must wait. The time spent
    /// waiting is counted as throttled, so a stalled spout shows why in its metrics.
    /// </summary>
    public bool CheckRoom()
    {
        var room = PendingCount < _maxPending;
        if (!room && _throttledSince == 0)
        {
            _throttledSince = Worker.Time.GetTimestamp();
        }
        else if (room && _throttledSince != 0)
        {
            Metrics.ThrottledTicks += Worker.Time.GetElapsedTime(_throttledSince).Ticks;
            _throttledSince = 0;
        }

        return room;
    }

    public bool IsActive { get; private set; }

    public void Bind(Emitter emitter)
    {
        Emitter = emitter;
        _collector = new SpoutCollector(this, emitter);
        _sampler = emitter.Sampler;
    }

    /// <summary>Calls NextTuple once; true when it emitted anything.</summary>
    public bool NextTuple()
    {
        var before = Metrics.Emitted;
        try
        {
            _spout.NextTuple();
        }
        catch (Exception e)
        {
            ReportError(e);
        }

        if (_completedWithoutTree.Count > 0)
        {
            AckCompletedWithoutTree();
        }

        return Metrics.Emitted != before;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void AckCompletedWithoutTree()
    {
        while (_completedWithoutTree.TryDequeue(out var done))
        {
            Acked(done.MessageId, latencyStart: null, done.Stream);
        }
    }

    public void Track(long root, object messageId, int stream, bool sampled)
    {
        // Only sampled trees read the clock (two reads per tree were a tenth of the acked path); 0 = unsampled.
        // The first tree (JIT warm-up) is never a sample.
        var start = (++_tracked & (LatencySampleEvery - 1)) == 0 ? Worker.Time.GetTimestamp() : 0;
        _pending.Add(root, new PendingTree(messageId, start, stream, sampled));
        PendingCount++;
        if (PendingCount > Metrics.MaxPendingSeen)
        {
            Metrics.MaxPendingSeen = PendingCount;
        }
    }

    /// <summary>An emit with a message id that started no tree (acking off, or no subscriber): acked right after NextTuple.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public void CompleteWithoutTree(object messageId, int stream) => _completedWithoutTree.Enqueue((messageId, stream));

    public override void Handle(ref Envelope envelope)
    {
        switch (envelope.Kind)
        {
            case MessageKind.TreeCompleted when _pending.Remove(envelope.Root, out var done):
                PendingCount--;
                if (done.Sampled)
                {
                    _sampler!.TreeEnded(envelope.Root, done.MessageId, "acked", null);
                }

                Acked(done.MessageId, done.StartTimestamp != 0 ? done.StartTimestamp : null, done.Stream);
                break;
            case MessageKind.TreeFailed when envelope.Value == TupleTrees.TreeEnd.Notice:
                Noticed(ref envelope);
                break;
            case MessageKind.TreeFailed when _pending.Remove(envelope.Root, out var failed):
                PendingCount--;
                if (failed.Sampled)
                {
                    _sampler!.TreeEnded(envelope.Root, failed.MessageId, "failed", envelope.Reason!.ToString());
                }

                RecordFailure(envelope.Root, failed.MessageId, envelope.Reason!);
                Failed(failed.MessageId, envelope.Reason!, failed.Stream);
                break;
            case MessageKind.ResetTimeout:
                _pending.Touch(envelope.Root);
                break;
        }
    }

    public override void OnControl(ControlMessage message)
    {
        switch (message.Kind)
        {
            case ControlKind.Activate when !IsActive:
                IsActive = true;
                Guard(_spout.Activate);
                break;
            case ControlKind.Deactivate when IsActive:
                IsActive = false;
                Guard(_spout.Deactivate);
                break;
            case ControlKind.RotateTimeouts when Worker.Options.EnableMessageTimeouts:
                ExpirePending();
                break;
            case ControlKind.MetricsTick:
                CollectMetrics(message.Argument);
                break;
        }
    }

    protected override void StartCore() => _spout.Open(_conf, _context, _collector!);

    protected override void StopCore()
    {
        if (IsActive)
        {
            IsActive = false;
            _spout.Deactivate();
        }

        _spout.Close();
    }

    private void ExpirePending()
    {
        var expired = _pending.Rotate();
        if (expired.Count == 0)
        {
            return;
        }

        var reason = FailureReason.TimedOut(Worker.Options.MessageTimeoutSecs);
        PendingCount -= expired.Count;
        Metrics.TimedOut += expired.Count;
        foreach (var (root, tree) in expired)
        {
            if (tree.Sampled)
            {
                _sampler!.TreeEnded(root, tree.MessageId, "timeout", reason.ToString());
            }

            RecordFailure(root, tree.MessageId, reason);

            Failed(tree.MessageId, reason, tree.Stream);
        }
    }

    /// <summary>
    /// Hands a failed tree to the worker's failed-tree log, which assembles it from the tasks' flight recorders,
    /// and announces it to the other workers, whose tasks recorded the rest of it.
    /// </summary>
    private void RecordFailure(long root, object messageId, FailureReason reason)
    {
        if (Worker.FailedTrees.RecorderSize == 0)
        {
            return;
        }

        Worker.FailedTrees.Ended(new TupleTrees.TreeEnd(root, Worker.Time.GetTimestamp(), ComponentId, TaskId, messageId, reason));
        foreach (var task in Worker.TaskInEachOtherWorker)
        {
            SendTo(task, MessageKind.TreeFailed, root, TupleTrees.TreeEnd.Notice, reason);
        }
    }

    private void Acked(object messageId, long? latencyStart, int stream)
    {
        Metrics.Acked++;
        TimeSpan? latency = null;
        var output = Metrics.Outputs[stream];
        output.Acked++;
        if (latencyStart is { } start)
        {
            latency = Worker.Time.GetElapsedTime(start);
            var ticks = latency.Value.Ticks;
            Metrics.CompleteLatencyTicks += ticks;
            Metrics.CompleteCount++;
            output.CompleteTicks += ticks;
            output.CompleteSamples++;
        }

        if (HasHooks)
        {
            HookAck(messageId, latency);
        }

        try
        {
            _spout.Ack(messageId);
        }
        catch (Exception e)
        {
            ReportError(e);
        }
    }

    private void Failed(object messageId, FailureReason reason, int stream)
    {
        Metrics.Failed++;
        if (HasHooks)
        {
            HookFail(messageId, reason);
        }

        Metrics.Outputs[stream].Failed++;
        try
        {
            if (_reasoned is not null)
            {
                _reasoned.Fail(messageId, reason);
            }
            else
            {
                _spout.Fail(messageId);
            }
        }
        catch (Exception e)
        {
            ReportError(e);
        }
    }

    // Hook events are built out of line, so the ack path without hooks carries none of their code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void HookAck(object messageId, TimeSpan? latency) => RunHooks(static (h, i) => h.SpoutAck(i), new SpoutAckInfo(messageId, TaskId, latency));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void HookFail(object messageId, FailureReason reason) => RunHooks(static (h, i) => h.SpoutFail(i), new SpoutFailInfo(messageId, TaskId, reason));
}
