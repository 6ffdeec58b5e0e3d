using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>
/// A bolt's or acker's executor runs on the worker's pool: it is queued when it has work (an arrival
/// activates it) and runs one slice — a bounded quantum — at a time, on whichever pool thread takes it.
/// </summary>
/// <remarks>
/// <code>
///   Idle --Activate--> Queued --pool thread--> Running --slice ends, no work--> Idle
///                        ^                        |  \--Activate--> Notified --slice ends--> Queued
///                        +-- slice ends, more ----+
/// </code>
/// An arrival publishes its batch (or message) before it activates, and a slice ends with a CAS from Running
/// to Idle, so either the slice saw the arrival or the CAS fails (Notified) and the executor is queued again:
/// no wake-up is lost, and an executor is never queued twice nor run by two threads at once.
/// </remarks>
internal sealed partial class Executor
{
    private const int StateIdle = 0;
    private const int StateQueued = 1;
    private const int StateRunning = 2;
    private const int StateNotified = 3;

    private readonly ExecutorPool? _pool;
    private int _state;
    private bool _started;

    /// <summary>True after the executor finished (stopped); the pool drops it.</summary>
    public bool IsFinished { get; private set; }

    /// <summary>Set while its outbox overflows: the pool's periodic retry activates it (a held remote link says nothing when it lets go).</summary>
    public bool IsWaitingForSpace { get; private set; }

    public void Activate()
    {
        if (_pool is null)
        {
            Inbox.Wake();
            return;
        }

        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case StateIdle:
                    if (Interlocked.CompareExchange(ref _state, StateQueued, StateIdle) == StateIdle)
                    {
                        _pool.Enqueue(this);
                        return;
                    }

                    break;
                case StateRunning:
                    if (Interlocked.CompareExchange(ref _state, StateNotified, StateRunning) == StateRunning)
                    {
                        return;
                    }

                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>Runs one slice on the calling pool thread; returns true when the executor must be queued again.</summary>
    public bool RunSlice(long deadline)
    {
        Volatile.Write(ref _state, StateRunning);
        var more = Slice(deadline);
        if (IsFinished)
        {
            return false;
        }

        if (!more && Interlocked.CompareExchange(ref _state, StateIdle, StateRunning) == StateRunning)
        {
            return false;
        }

        Volatile.Write(ref _state, StateQueued);
        return true;
    }

    private bool Slice(long deadline)
    {
        Bind();
        try
        {
            if (!_started)
            {
                _started = true;
                StartAll();
            }

            if (!_stopping)
            {
                Mailbox.Drain(_tasks[0]);
                DrainInbox(deadline);
                DrainControl();
            }

            if (_stopping)
            {
                Finish();
                IsFinished = true;
                return false;
            }

            if (!FlushOrWait())
            {
                return false;
            }

            return _current is not null || !Inbox.IsEmpty || !Mailbox.IsEmpty;
        }
        finally
        {
            Unbind();
        }
    }

    /// <summary>Flushes; while the outbox overflows, asks to be activated on space and (unless it must always drain) yields.</summary>
    private bool FlushOrWait()
    {
        if (Outbox.Flush())
        {
            IsWaitingForSpace = false;
            return true;
        }

        // Register first, then retry: room freed in between is either seen by the retry or activates us.
        IsWaitingForSpace = true;
        Outbox.NotifyOnSpace(this);
        if (Outbox.Flush())
        {
            IsWaitingForSpace = false;
            return true;
        }

        return _alwaysDrain;
    }
}
