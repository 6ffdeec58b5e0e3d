using System.Diagnostics;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>
/// An executor: one or more tasks of one component (or ackers), with the tasks fused into them (see
/// <see cref="FusionPlan"/>), run one batch at a time by a single thread at any moment — a thread of the
/// worker's <see cref="ExecutorPool"/> for bolts and ackers, a thread of its own for spouts (see
/// <c>README.md</c> in this folder for why).
/// </summary>
/// <remarks>
/// Per pass: the mailbox, then inbox batches (data first: a timeout rotation must not overtake acks queued
/// before it), then control messages (lifecycle, ticks, timeouts), then — spouts with room — a burst of
/// NextTuple calls, then one flush of the outbox. When its outbox overflows it stops pulling new work (a bolt
/// on a cycle, a spout and an acker keep consuming, so neither a cycle nor the ack loop can deadlock).
/// </remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "The event never creates a kernel handle (WaitHandle is not used); Join may still wait on it after the executor finished.")]
internal sealed partial class Executor : IActivatable
{
    private const int MaxBatchesPerRound = 16;

    /// <summary>Within a batch, how many tuples run between two looks at the slice's deadline (a power of two: a mask, not a division, per tuple).</summary>
    private const int DeadlineCheckEvery = 64;

    private readonly TaskRunner[] _tasks;
    private readonly SpoutTask[] _spouts;

    /// <summary>Indexed by task id minus <see cref="_firstTaskId"/>: the hosted task an envelope is for.</summary>
    private readonly TaskRunner?[] _byTask;
    private readonly int _firstTaskId;
    private readonly bool _alwaysDrain;
    private readonly ManualResetEventSlim _exited = new(false);
    private volatile bool _stopping;
    private TupleBatch? _current;
    private int _next;

    public Executor(string name, TaskRunner[] tasks, Inbox inbox, Outbox outbox, bool inCycle, ExecutorPool? pool)
    {
        Name = name;
        _tasks = tasks;
        _spouts = [.. tasks.OfType<SpoutTask>()];
        _firstTaskId = tasks.Min(t => t.TaskId);
        _byTask = new TaskRunner?[tasks.Max(t => t.TaskId) - _firstTaskId + 1];
        foreach (var task in tasks)
        {
            _byTask[task.TaskId - _firstTaskId] = task;
        }

        // Spouts and ackers must keep taking acks even while their own sends wait, or a full acker and a
        // throttled spout would wait on each other for ever; a bolt on a cycle likewise keeps consuming.
        _alwaysDrain = inCycle || _spouts.Length > 0 || tasks[0] is AckerTask;
        Inbox = inbox;
        Outbox = outbox;
        Mailbox = new ExecutorMailbox(inbox);
        foreach (var task in tasks)
        {
            task.Outbox = outbox;
            task.Mailbox.Bind(Mailbox);
        }

        if (_spouts.Length > 0 || pool is null)
        {
            _thread = new Thread(RunDedicated) { IsBackground = true, Name = name };
        }
        else
        {
            _pool = pool;
            inbox.Consumer = this;
        }
    }

    public string Name { get; }

    public Inbox Inbox { get; }

    public Outbox Outbox { get; }

    /// <summary>Where other threads post work for this executor's tasks (see <see cref="ExecutorMailbox"/>).</summary>
    public ExecutorMailbox Mailbox { get; }

    public bool StartTasks { get; init; } = true;

    public bool StopTasks { get; set; } = true;

    public void Start()
    {
        if (_thread is not null)
        {
            _thread.Start();
        }
        else
        {
            Activate();
        }
    }

    /// <summary>Asks the executor to finish after its current pass.</summary>
    public void RequestStop()
    {
        _stopping = true;
        Inbox.Post(new ControlMessage(ControlKind.Stop));
    }

    public bool Join(TimeSpan timeout) => _thread?.Join(timeout) ?? _exited.Wait(timeout);

    /// <summary>Input taken from the inbox but not yet handled (a batch cut by the quantum), then the inbox's batches.</summary>
    public IEnumerable<TupleBatch> TakeUnprocessed()
    {
        if (_current is { } partial)
        {
            _current = null;
            Array.Copy(partial.Items, _next, partial.Items, 0, partial.Count - _next);
            Array.Clear(partial.Items, partial.Count - _next, _next);
            partial.Count -= _next;
            yield return partial;
        }

        while (Inbox.TryTake(out var batch))
        {
            yield return batch;
        }
    }

    /// <summary>The collectors of these tasks may be used from this thread only, until <see cref="Unbind"/>.</summary>
    private void Bind()
    {
        var thread = Environment.CurrentManagedThreadId;
        foreach (var task in _tasks)
        {
            task.ExecutorThreadId = thread;
        }
    }

    private void Unbind()
    {
        foreach (var task in _tasks)
        {
            task.ExecutorThreadId = 0;
        }
    }

    /// <summary>
    /// Opens and prepares the tasks: the fused ones first, farthest down the chain first, so every fused task
    /// is ready before anything can emit to it (a spout may emit in Open; a fused task not ready drops its input).
    /// </summary>
    private void StartAll()
    {
        if (!StartTasks)
        {
            return;
        }

        var own = _tasks.Count(t => t.ComponentId == _tasks[0].ComponentId);
        for (var i = _tasks.Length - 1; i >= own; i--)
        {
            _tasks[i].Start();
        }

        for (var i = 0; i < own; i++)
        {
            _tasks[i].Start();
        }
    }

    private void Finish()
    {
        Outbox.Flush();
        if (StopTasks)
        {
            foreach (var task in _tasks)
            {
                task.Stop();
            }
        }

        _exited.Set();
    }

    private bool DrainControl()
    {
        var any = false;
        while (Inbox.TryTakeControl(out var message))
        {
            any = true;
            foreach (var task in _tasks)
            {
                task.OnControl(message);
            }
        }

        return any;
    }

    /// <summary>
    /// Up to <see cref="MaxBatchesPerRound"/> batches, stopping inside a batch once <paramref name="deadline"/>
    /// (a <see cref="Stopwatch"/> timestamp) has passed; the rest of that batch comes first next time.
    /// </summary>
    private bool DrainInbox(long deadline)
    {
        if (Outbox.HasOverflow && !_alwaysDrain)
        {
            return false;
        }

        var batches = 0;
        while (batches < MaxBatchesPerRound)
        {
            if (_current is null)
            {
                if (!Inbox.TryTake(out _current))
                {
                    break;
                }

                _next = 0;
            }

            batches++;
            var batch = _current;
            var items = batch.Items;
            var count = batch.Count;
            var i = _next;
            while (i < count)
            {
                ref var envelope = ref items[i++];
                _byTask[envelope.TargetTask - _firstTaskId]!.Handle(ref envelope);
                if ((i & (DeadlineCheckEvery - 1)) == 0 && i < count && Stopwatch.GetTimestamp() > deadline)
                {
                    _next = i;
                    return true;
                }
            }

            _current = null;
            batch.Recycle();
            if (deadline != long.MaxValue && Stopwatch.GetTimestamp() > deadline)
            {
                break;
            }
        }

        return batches > 0;
    }
}
