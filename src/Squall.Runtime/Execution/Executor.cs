using System.Diagnostics;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>
/// An executor: one dedicated thread running one or more tasks of one component (or ackers).
/// </summary>
/// <remarks>
/// Each loop iteration: up to <see cref="MaxBatchesPerRound"/> inbox batches, then control messages
/// (lifecycle, ticks, timeouts), then — for spouts with room — a burst of NextTuple calls, then one flush
/// of the outbox. Idle, it spins briefly, yields for up to <see cref="YieldWindow"/>, then parks until
/// woken. When its outbox overflows it stops pulling new work (a bolt on a cycle, a spout and an acker keep
/// consuming, so neither a cycle nor the ack loop can deadlock) and the time a spout spends held back is
/// counted as throttled.
/// </remarks>
internal sealed class Executor
{
    private const int MaxBatchesPerRound = 16;
    private const int SpoutBurst = 64;
    private const int SpinRounds = 8;
    private static readonly TimeSpan ParkTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ShortPark = TimeSpan.FromMilliseconds(1);

    /// <summary>How long an idle executor keeps yielding before it parks (wall clock, not the topology's TimeProvider).</summary>
    private static readonly TimeSpan YieldWindow = TimeSpan.FromMicroseconds(200);

    private readonly TaskRunner[] _tasks;
    private readonly SpoutTask[] _spouts;
    private readonly int _firstTaskId;
    private readonly bool _alwaysDrain;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _idleRounds;
    private long _idleSince;

    public Executor(string name, TaskRunner[] tasks, Inbox inbox, Outbox outbox, bool inCycle)
    {
        _tasks = tasks;
        _spouts = [.. tasks.OfType<SpoutTask>()];
        _firstTaskId = tasks[0].TaskId;
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

        _thread = new Thread(Run) { IsBackground = true, Name = name };
    }

    public Inbox Inbox { get; }

    public Outbox Outbox { get; }

    /// <summary>Work other threads hand to this executor's tasks; run when its wake-up reaches the control queue.</summary>
    public ExecutorMailbox Mailbox { get; }

    public bool StartTasks { get; init; } = true;

    public bool StopTasks { get; set; } = true;

    public void Start() => _thread.Start();

    /// <summary>Asks the loop to exit after its current iteration.</summary>
    public void RequestStop()
    {
        _stopping = true;
        Inbox.Post(new ControlMessage(ControlKind.Stop));
    }

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Run()
    {
        foreach (var task in _tasks)
        {
            task.ExecutorThreadId = Environment.CurrentManagedThreadId;
        }

        if (StartTasks)
        {
            foreach (var task in _tasks)
            {
                task.Start();
            }
        }

        while (!_stopping)
        {
            // Data first: a timeout rotation must not overtake acks that were already queued before it.
            var worked = DrainInbox();
            worked |= DrainControl();
            worked |= RunSpouts();
            Outbox.Flush();
            if (worked)
            {
                _idleRounds = 0;
            }
            else
            {
                Idle();
            }
        }

        Outbox.Flush();
        if (StopTasks)
        {
            foreach (var task in _tasks)
            {
                task.Stop();
            }
        }
    }

    private bool DrainControl()
    {
        var any = false;
        while (Inbox.TryTakeControl(out var message))
        {
            any = true;
            if (message.Kind == ControlKind.Mailbox)
            {
                Mailbox.Drain();
                continue;
            }

            foreach (var task in _tasks)
            {
                task.OnControl(message);
            }
        }

        return any;
    }

    private bool DrainInbox()
    {
        if (Outbox.HasOverflow && !_alwaysDrain)
        {
            return false;
        }

        var batches = 0;
        while (batches < MaxBatchesPerRound && Inbox.TryTake(out var batch))
        {
            batches++;
            var items = batch.Items;
            for (var i = 0; i < batch.Count; i++)
            {
                ref var envelope = ref items[i];
                _tasks[envelope.TargetTask - _firstTaskId].Handle(ref envelope);
            }

            batch.Recycle();
        }

        return batches > 0;
    }

    private bool RunSpouts()
    {
        if (_spouts.Length == 0)
        {
            return false;
        }

        if (Outbox.HasOverflow)
        {
            foreach (var spout in _spouts)
            {
                if (spout.IsActive)
                {
                    ThrottleWhileOverflowing(spout);
                    break;
                }
            }

            return false;
        }

        var emitted = false;
        foreach (var spout in _spouts)
        {
            emitted |= Burst(spout);
        }

        return emitted;
    }

    /// <summary>
    /// Up to <see cref="SpoutBurst"/> NextTuple calls, as Storm 2 does: acks and control messages are taken
    /// every <c>topology.spout.recvq.skips</c> calls, and the burst ends at the first call that emits nothing
    /// or that sees the flush timer move, so emits wait at most one flush interval and a spout that sleeps
    /// in NextTuple (every storm-starter spout does) sends each tuple as soon as its call returns.
    /// </summary>
    private bool Burst(SpoutTask spout)
    {
        var worker = spout.Worker;
        var skips = worker.Options.SpoutRecvqSkips;
        var flushEveryCall = worker.Options.BatchFlushIntervalMillis == 0;
        var epoch = worker.FlushEpoch;
        var emitted = false;
        for (var i = 0; i < SpoutBurst && spout.IsActive && spout.IsReady && spout.CheckRoom(); i++)
        {
            if (i > 0 && i % skips == 0)
            {
                DrainInbox();
                DrainControl();
            }

            if (!spout.NextTuple())
            {
                break;
            }

            emitted = true;
            if (flushEveryCall || worker.FlushEpoch != epoch)
            {
                break;
            }
        }

        return emitted;
    }

    private void ThrottleWhileOverflowing(SpoutTask spout)
    {
        var start = spout.Worker.Time.GetTimestamp();
        Outbox.WaitForSpace(ShortPark);
        spout.Metrics.ThrottledTicks += spout.Worker.Time.GetElapsedTime(start).Ticks;
    }

    private void Idle()
    {
        _idleRounds++;
        if (_idleRounds == 1)
        {
            _idleSince = Stopwatch.GetTimestamp();
        }

        if (_idleRounds <= SpinRounds)
        {
            Thread.SpinWait(20);
        }
        else if (Stopwatch.GetElapsedTime(_idleSince) < YieldWindow)
        {
            // Yield, not spin: on a machine with fewer cores than executors a spinning consumer would steal
            // the producer's core, while a yield hands it over. Staying awake this long means a steady flow
            // (e.g. 100k tuples/s, one every 10 µs) never pays a park and futex wake per tuple.
            Thread.Yield();
        }
        else if (Outbox.HasOverflow)
        {
            Outbox.WaitForSpace(ShortPark);
        }
        else
        {
            // A spout polls its source: park briefly; a bolt only waits for input, so park until woken.
            Inbox.WaitForWork(_spouts.Length > 0 ? ShortPark : ParkTimeout);
        }
    }
}
