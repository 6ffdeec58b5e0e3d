using System.Collections.Concurrent;
using System.Globalization;
using Squall.Multilang.Process;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.Bolt;

/// <summary>
/// One child of a shell bolt, after its handshake: an independent reader thread (dispatches the child's
/// commands, stamps the heartbeat clock on every message), a writer thread (heartbeats, task-id replies,
/// tuples), and a 1 s timer that kills a silent child after the subprocess timeout.
/// </summary>
/// <remarks>
/// Any failure "kills" the session exactly once (<see cref="Die"/>): the error is reported with the child's
/// output and stderr, the child is killed, and every pending tuple fails so reliable spouts replay. The
/// <see cref="ShellBolt"/> then starts a fresh session.
/// </remarks>
internal sealed partial class ShellBoltSession : IDisposable
{
    private static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(1);

    private readonly ShellProcess _process;
    private readonly BoltHost _host;
    private readonly OutboundQueue _queue;
    private readonly ConcurrentDictionary<string, Tuple> _pending = new(StringComparer.Ordinal);
    private readonly ITimer _heartbeatTimer;
    private long _lastMessage;
    private int _dead;
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

    public bool IsDead => Volatile.Read(ref _dead) != 0;

    public long Pid => _process.Pid;

    /// <summary>Hands <paramref name="input"/> to the child; false when the session died first (the caller then retries or fails it).</summary>
    public bool TryExecute(Tuple input)
    {
        var id = NewId();
        _pending[id] = input;
        var message = new TupleMessage(id, input.SourceComponent, input.SourceStreamId, input.SourceTask, ToList(input.GetValues()));
        if (!IsDead && _queue.EnqueueTuple(message))
        {
            return true;
        }

        // Die fails what it finds pending; whichever side removes the entry owns it, so it is never failed twice.
        return !_pending.TryRemove(id, out _);
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

    private void WriteLoop()
    {
        while (true)
        {
            var (kind, message) = _queue.Take(HeartbeatPeriod);
            try
            {
                switch (kind)
                {
                    case QueueItem.Closed:
                        return;
                    case QueueItem.Heartbeat:
                        _process.Send(TupleMessage.Heartbeat(NewId()));
                        break;
                    case QueueItem.Message:
                        _process.Send(message!);
                        break;
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                Die("cannot write to the child (it exited or closed stdin)", e, childExiting: true);
                return;
            }
        }
    }

    private void Die(string reason, Exception? cause, bool childExiting)
    {
        if (_closing || Interlocked.Exchange(ref _dead, 1) != 0)
        {
            return;
        }

        _queue.Close();
        var failure = _process.Failure($"ShellBolt died: {reason}", cause, childExiting);
        _process.Kill();
        lock (_host.Gate)
        {
            _host.Collector.ReportError(failure);
            foreach (var id in _pending.Keys)
            {
                if (_pending.TryRemove(id, out var tuple) && !tuple.IsTick)
                {
                    _host.Collector.Fail(tuple, $"shell bolt child died: {reason}");
                }
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
