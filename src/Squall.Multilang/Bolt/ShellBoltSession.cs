using System.Collections.Concurrent;
using System.Globalization;
using Squall.Multilang.Process;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.Bolt;

/// <summary>
/// One child of a shell bolt, after its handshake, asynchronous as in Storm: an independent reader thread
/// (stamps the heartbeat clock on every message, handles log/metrics/sync itself), a writer thread
/// (heartbeats, task-id replies before tuples), and a 1 s timer that kills a silent child after the
/// subprocess timeout. The child may emit, ack or fail any pending tuple at any time.
/// </summary>
/// <remarks>
/// Threads: Squall's collectors belong to their executor thread, so the reader never touches the collector.
/// It queues emit/ack/fail/error in <see cref="Inbound"/> and posts one drain at a time to the task's
/// <see cref="IExecutorMailbox"/>; the executor applies them between batches. <see cref="Execute"/> only
/// queues the tuple (waiting, and applying what arrives, while <c>topology.shellbolt.max.pending</c> tuples
/// are queued) and returns: it never waits for the child to finish, so a child holding many tuples (timers,
/// background threads) completes each whenever it likes. Any failure kills the session once
/// (<see cref="Die"/>); the executor thread then reports it with the child's output and stderr and fails every
/// pending tuple, so reliable spouts replay.
/// </remarks>
internal sealed partial class ShellBoltSession : IDisposable
{
    private static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(1);

    private readonly ShellProcess _process;
    private readonly BoltHost _host;
    private readonly OutboundQueue _queue;
    private readonly Inbound _inbound = new();
    private readonly ConcurrentDictionary<string, Tuple> _pending = new(StringComparer.Ordinal);
    private readonly ITimer _heartbeatTimer;
    private readonly Action _drainPosted;
    private long _lastMessage;
    private long _syncs;
    private int _dead;
    private int _drainScheduled;
    private bool _deathHandled;
    private volatile bool _closing;

    public ShellBoltSession(ShellProcess process, BoltHost host, int maxPending)
    {
        _process = process;
        _host = host;
        _queue = new OutboundQueue(maxPending);
        _drainPosted = DrainPosted;
        _lastMessage = host.Time.GetTimestamp();
        StartThread(ReadLoop, "reader");
        StartThread(WriteLoop, "writer");
        _heartbeatTimer = host.Time.CreateTimer(_ => CheckHeartbeat(), null, HeartbeatPeriod, HeartbeatPeriod);
    }

    /// <summary>True once the child is gone (its death may not be handled yet: call <see cref="AwaitDeath"/>).</summary>
    public bool IsDead => Volatile.Read(ref _dead) != 0;

    public long Pid => _process.Pid;

    /// <summary>Heartbeat answers (and other syncs) received; lets tests observe an idle child staying alive.</summary>
    public long SyncsReceived => Interlocked.Read(ref _syncs);

    /// <summary>Tuples handed to the child and not yet acked or failed.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>
    /// Queues <paramref name="input"/> for the child and returns; false when the session died before taking it
    /// (the caller retries on a new child). The child's answers arrive through the mailbox.
    /// </summary>
    public bool Execute(Tuple input)
    {
        Drain();
        if (IsDead)
        {
            AwaitDeath();
            return false;
        }

        var id = NewId();
        _pending[id] = input;
        var message = new TupleMessage(id, input.SourceComponent, input.SourceStreamId, input.SourceTask, ToList(input.GetValues()));
        while (true)
        {
            switch (_queue.TryEnqueueTuple(message, HeartbeatPeriod))
            {
                case EnqueueResult.Queued:
                    return true;
                case EnqueueResult.Closed:
                    // The child died: its death handling fails this tuple with the rest.
                    AwaitDeath();
                    return true;
                default:
                    // Full: apply what the child sent (its emits wait for their task-id replies), then try again.
                    Drain();
                    break;
            }
        }
    }

    /// <summary>After the child died: applies everything up to its death notice (report, fail pending).</summary>
    public void AwaitDeath()
    {
        while (!_deathHandled)
        {
            if (!Drain())
            {
                _inbound.WaitForItem(HeartbeatPeriod);
            }
        }
    }

    /// <summary>Applies what the child sent (on the executor thread); true if anything was applied.</summary>
    public bool Drain()
    {
        var any = false;
        while (_inbound.TryTake(out var item))
        {
            any = true;
            if (!_deathHandled && !_closing)
            {
                Apply(item!);
            }
        }

        return any;
    }

    public void Dispose()
    {
        _closing = true;
        _heartbeatTimer.Dispose();
        _queue.Close();
        _process.Dispose();
    }

    private void CheckHeartbeat()
    {
        var silent = _host.Time.GetElapsedTime(Interlocked.Read(ref _lastMessage));
        if (silent > _process.Spec.Timeout)
        {
            Die($"the child sent nothing for {silent.TotalSeconds:0.#} s, beyond the subprocess timeout of {_process.Spec.Timeout.TotalSeconds:0.###} s (topology.subprocess.timeout.secs)", null, childExiting: false);
        }
        else
        {
            _queue.RequestHeartbeat();
        }
    }

    /// <summary>Kills the child once, from any thread; the executor thread reports it from its mailbox.</summary>
    private void Die(string reason, Exception? cause, bool childExiting)
    {
        if (_closing || Interlocked.Exchange(ref _dead, 1) != 0)
        {
            return;
        }

        // The notice must always be posted: the executor thread waits for it once it sees IsDead.
        var failure = new ShellProcessException($"ShellBolt died: {reason}", cause);
        try
        {
            failure = _process.Failure($"ShellBolt died: {reason}", cause, childExiting);
        }
        finally
        {
            _process.Kill();
            _queue.Close();
            Hand(new SessionDied(failure, reason));
        }
    }

    private void HandleDeath(SessionDied death)
    {
        _deathHandled = true;
        _host.Collector.ReportError(death.Failure);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var tuple) && !tuple.IsTick)
            {
                _host.Collector.Fail(tuple, $"shell bolt child died: {death.Reason}");
            }
        }
    }

    private static List<object?> ToList(Values values)
    {
        var list = new List<object?>(values.Count);
        foreach (var value in values)
        {
            list.Add(value.AsObject());
        }

        return list;
    }

    private static string NewId() => Random.Shared.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture);

    private void StartThread(ThreadStart loop, string role) =>
        new Thread(loop) { IsBackground = true, Name = $"shell {_process.Spec.ComponentId}:{_host.TaskId} {role}" }.Start();
}
