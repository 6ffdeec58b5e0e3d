using Squall.Multilang.Protocol;

namespace Squall.Multilang.Bolt;

internal sealed partial class ShellBoltSession
{
    private void ReadLoop()
    {
        while (!IsDead && !_closing)
        {
            ChildMessage message;
            try
            {
                message = _process.Read();
            }
            catch (ShellProtocolException e)
            {
                Die(e.IsEndOfStream ? "the child exited" : "the child broke the protocol", e, childExiting: e.IsEndOfStream);
                return;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                Die("cannot read from the child", e, childExiting: true);
                return;
            }

            Interlocked.Exchange(ref _lastMessage, _host.Time.GetTimestamp());
            try
            {
                Dispatch(message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Protocol violations and collector rejections (unknown stream, emit onto a direct stream, ...) are fatal, as in Storm.
                Die($"handling {message} failed: {e.Message}", e, childExiting: false);
                return;
            }
        }
    }

    private void Dispatch(ChildMessage message)
    {
        switch (message)
        {
            case EmitMessage emit:
                Emit(emit);
                break;
            case AckMessage ack:
                var acked = Take(ack.Id, "ack");
                lock (_host.Gate)
                {
                    _host.Collector.Ack(acked);
                }

                break;
            case FailMessage fail:
                var failed = Take(fail.Id, "fail");
                lock (_host.Gate)
                {
                    _host.Collector.Fail(failed, "failed by the shell bolt's child");
                }

                break;
            case LogMessage log:
                _host.Log(new ShellLogEntry(log.Level, _process.Spec.ComponentId, _host.TaskId, _process.Pid, log.Text));
                break;
            case ErrorMessage error:
                lock (_host.Gate)
                {
                    _host.Collector.ReportError(new ShellProcessException("Shell Process Exception: " + error.Text));
                }

                break;
            case MetricsMessage metrics:
                ShellMetrics.Update(_host.Metrics, metrics);
                break;
            case PidMessage:
                throw new InvalidOperationException("a second pid reply after the handshake");
            default:
                // sync (heartbeat answers) and unknown commands only stamp the clock, as in Storm (STORM-3491).
                break;
        }
    }

    private void Emit(EmitMessage emit)
    {
        var anchors = new Tuple[emit.Anchors.Count];
        for (var i = 0; i < anchors.Length; i++)
        {
            anchors[i] = _pending.TryGetValue(emit.Anchors[i], out var anchor)
                ? anchor
                : throw new InvalidOperationException($"emit anchored on '{emit.Anchors[i]}', which is not a pending tuple id");
        }

        var values = new Values([.. emit.Tuple]);
        int[] taskIds;
        lock (_host.Gate)
        {
            if (emit.Task is { } direct)
            {
                _host.Collector.EmitDirect(direct, emit.Stream, anchors, values);
                return;
            }

            taskIds = _host.Collector.Emit(emit.Stream, anchors, values).ToArray();
        }

        if (emit.NeedTaskIds)
        {
            _queue.EnqueueReply(new TaskIdsMessage(taskIds));
        }
    }

    private Tuple Take(string id, string command) =>
        _pending.TryRemove(id, out var tuple)
            ? tuple
            : throw new InvalidOperationException($"{command} of '{id}', which is not a pending tuple id (unknown, or already acked/failed)");
}
