using System.Collections.Concurrent;
using System.Globalization;
using Squall.Multilang.Process;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.Bolt;

/// <summary>
/// One child of a shell bolt, after its handshake: an independent reader thread (stamps the heartbeat clock on
/// every message, handles log/metrics/sync itself), a writer thread (heartbeats, task-id replies before tuples),
/// and a 1 s timer that kills a silent child after the subprocess timeout.
/// </summary>
/// <remarks>
/// Threads: Squall's collectors belong to their executor thread (they batch into a per-executor outbox), so
/// the reader never touches the collector. It hands emit/ack/fail/error to <see cref="Inbound"/>, and
/// <see cref="Execute"/> — on the executor thread — applies them while it waits for the child to finish the
/// tuple: until the tuple is acked or failed, or the child has answered the heartbeat written right behind
/// it (it is back in its read loop). Anything the child sends later is applied on the next Execute.
/// Any failure kills the session once (<see cref="Die"/>); the executor thread then reports it with the child's
/// output and stderr and fails every pending tuple, so reliable spouts replay.
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
    private long _lastMessage;
    private long _heartbeatsWritten;
    private long _syncs;
    private long _written;
    private long _repliesQueued;
    private long _lastReplyWrittenAt;
    private int _dead;
    private bool _deathHandled;
    private volatile bool _closing;

    public ShellBoltSession(ShellProcess process, BoltHost host, int maxPending)
    {
        _process = process;
        _host = host;
        _queue = new OutboundQueue(maxPending);
        _lastMessage = host.Time.GetTimestamp();
        StartThread(ReadLoop, "reader");
        StartThread(WriteLoop, "writer");
        _heartbeatTimer = host.Time.CreateTimer(_ => CheckHeartbeat(), null, HeartbeatPeriod, HeartbeatPeriod);
    }

    /// <summary>True once the child is gone (its death may not be handled yet: call <see cref="Drain"/>).</summary>
    public bool IsDead => Volatile.Read(ref _dead) != 0;

    public long Pid => _process.Pid;

    /// <summary>Heartbeat answers received; lets tests observe an idle child staying alive.</summary>
    public long SyncsReceived => Interlocked.Read(ref _syncs);

    /// <summary>
    /// Hands <paramref name="input"/> to the child and applies its answers until it is done with it; false when
    /// the session died before taking it (the caller retries on a new child).
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
        var probe = new ProbeMessage(NewId());
        var message = new TupleMessage(id, input.SourceComponent, input.SourceStreamId, input.SourceTask, ToList(input.GetValues()));

        // If the queue closes under us the child died: the death handling below fails the tuple with the rest.
        if (_queue.EnqueueTuple(message))
        {
            _queue.EnqueueTuple(probe);
        }

        while (!_deathHandled && _pending.ContainsKey(id))
        {
            if (ProbeAnswered(probe))
            {
                // The reader posts messages before counting the sync that follows them: apply them all first.
                Drain();
                if (_deathHandled || !_pending.ContainsKey(id))
                {
                    break;
                }

                // Back in its read loop with every task-id reply read: done. A reply written after the probe
                // means an asynchronous child (storm.js callbacks) has more to do, so probe again behind it.
                if (Interlocked.Read(ref _repliesQueued) == 0 && Interlocked.Read(ref _lastReplyWrittenAt) < probe.WrittenAt)
                {
                    break;
                }

                probe = new ProbeMessage(NewId());
                _queue.EnqueueTuple(probe);
            }

            if (IsDead)
            {
                AwaitDeath();
                break;
            }

            var seen = _inbound.Version;
            if (!Drain())
            {
                _inbound.WaitForChange(seen, HeartbeatPeriod);
            }
        }

        Drain();
        return true;
    }

    /// <summary>After the child died: applies everything up to its death notice (report, fail pending).</summary>
    public void AwaitDeath()
    {
        while (!_deathHandled)
        {
            var seen = _inbound.Version;
            if (!Drain())
            {
                _inbound.WaitForChange(seen, HeartbeatPeriod);
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
            if (!_deathHandled)
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

    private bool ProbeAnswered(ProbeMessage probe) => probe.Sequence > 0 && Interlocked.Read(ref _syncs) >= probe.Sequence;

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

    /// <summary>Kills the child once, from any thread; the executor thread reports it when it drains.</summary>
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
            _inbound.Post(new SessionDied(failure, reason));
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
