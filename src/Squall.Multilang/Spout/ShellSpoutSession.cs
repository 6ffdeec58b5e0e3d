using Squall.Multilang.Process;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.Spout;

/// <summary>
/// One child of a shell spout: strictly one command at a time, each read until the child's <c>sync</c>.
/// A 1 s timer kills the child when a command has been outstanding longer than the subprocess timeout
/// without a message (idle time between commands never counts, STORM-1928); the blocked read then fails.
/// </summary>
internal sealed class ShellSpoutSession : IDisposable
{
    private static readonly TimeSpan CheckPeriod = TimeSpan.FromSeconds(1);

    private readonly ShellProcess _process;
    private readonly SpoutHost _host;
    private readonly ITimer _timer;
    private long _lastMessage;
    private volatile bool _waiting;
    private volatile bool _timedOut;

    public ShellSpoutSession(ShellProcess process, SpoutHost host, int generation)
    {
        _process = process;
        _host = host;
        Generation = generation;
        _timer = host.Time.CreateTimer(_ => CheckTimeout(), null, CheckPeriod, CheckPeriod);
    }

    public int Generation { get; }

    public long Pid => _process.Pid;

    /// <summary>Sends <paramref name="command"/> and handles the child's messages until its <c>sync</c>.</summary>
    public void Query(SpoutCommandMessage command)
    {
        Interlocked.Exchange(ref _lastMessage, _host.Time.GetTimestamp());
        _waiting = true;
        try
        {
            _process.Send(command);
            while (true)
            {
                var message = _process.Read();
                Interlocked.Exchange(ref _lastMessage, _host.Time.GetTimestamp());
                if (message is SyncMessage)
                {
                    return;
                }

                Handle(message);
            }
        }
        finally
        {
            _waiting = false;
        }
    }

    /// <summary>The error to report for a failed command, quoting the child's stderr and exit status.</summary>
    public ShellProcessException Failure(SpoutCommand command, Exception cause)
    {
        var eof = cause is IOException or ShellProtocolException { IsEndOfStream: true };
        var reason = _timedOut
            ? $"the child did not sync '{command.ToString().ToLowerInvariant()}' within the subprocess timeout of {_process.Spec.Timeout.TotalSeconds:0.###} s (topology.subprocess.timeout.secs)"
            : $"'{command.ToString().ToLowerInvariant()}' failed";
        return _process.Failure($"ShellSpout died: {reason}", _timedOut ? null : cause, childExiting: eof || _timedOut);
    }

    public void Dispose()
    {
        _timer.Dispose();
        _process.Dispose();
    }

    private void Handle(ChildMessage message)
    {
        switch (message)
        {
            case EmitMessage emit:
                Emit(emit);
                break;
            case LogMessage log:
                _host.Log(new ShellLogEntry(log.Level, _process.Spec.ComponentId, _process.Spec.TaskId, _process.Pid, log.Text));
                break;
            case ErrorMessage error:
                _host.Collector.ReportError(new ShellProcessException("Shell Process Exception: " + error.Text));
                break;
            case MetricsMessage metrics:
                ShellMetrics.Update(_host.Metrics, metrics);
                break;
            default:
                throw new InvalidOperationException($"a spout's child may not send {message}");
        }
    }

    private void Emit(EmitMessage emit)
    {
        var values = new Values([.. emit.Tuple]);
        var messageId = emit.Id is null ? null : new ShellMessageId(Generation, emit.Id);
        if (emit.Task is { } direct)
        {
            _host.Collector.EmitDirect(direct, emit.Stream, values, messageId);
            return;
        }

        var taskIds = _host.Collector.Emit(emit.Stream, values, messageId).ToArray();
        if (emit.NeedTaskIds)
        {
            // Answered at once: storm.py and storm.js block in emit until they read this array.
            _process.Send(new TaskIdsMessage(taskIds));
        }
    }

    private void CheckTimeout()
    {
        if (_waiting && _host.Time.GetElapsedTime(Interlocked.Read(ref _lastMessage)) > _process.Spec.Timeout)
        {
            _timedOut = true;
            _process.Kill();
        }
    }
}
