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
                Receive(message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Die($"handling {message} failed", e, childExiting: false);
                return;
            }
        }
    }

    /// <summary>
    /// On the reader thread: what needs no collector is handled here, the rest goes to the executor thread
    /// through the mailbox. A <c>sync</c> only stamps the clock (STORM-3491): it answers nothing in particular.
    /// </summary>
    private void Receive(ChildMessage message)
    {
        switch (message)
        {
            case EmitMessage or AckMessage or FailMessage or ErrorMessage:
                Hand(message);
                break;
            case SyncMessage:
                Interlocked.Increment(ref _syncs);
                break;
            case LogMessage log:
                _host.Log(new ShellLogEntry(log.Level, _process.Spec.ComponentId, _host.TaskId, _process.Pid, log.Text));
                break;
            case MetricsMessage metrics:
                ShellMetrics.Update(_host.Metrics, metrics);
                break;
            case PidMessage:
                throw new InvalidOperationException("a second pid reply after the handshake");
            default:
                // Unknown commands only stamp the clock, as in Storm.
                break;
        }
    }

    /// <summary>Queues <paramref name="item"/> for the executor thread and makes sure a drain is scheduled there.</summary>
    private void Hand(object item)
    {
        _inbound.Post(item);
        if (Interlocked.CompareExchange(ref _drainScheduled, 1, 0) == 0)
        {
            _host.Mailbox.Post(_drainPosted);
        }

        // Execute may be waiting for room in a full tuple queue: let it apply this (an emit waits for its reply).
        _queue.Nudge();
    }

    /// <summary>On the executor thread, from the mailbox.</summary>
    private void DrainPosted()
    {
        Interlocked.Exchange(ref _drainScheduled, 0);
        Drain();
    }

    /// <summary>On the executor thread: applies one message through the collector; a violation kills the session.</summary>
    private void Apply(object item)
    {
        try
        {
            switch (item)
            {
                case SessionDied death:
                    HandleDeath(death);
                    break;
                case EmitMessage emit:
                    Emit(emit);
                    break;
                case AckMessage ack:
                    _host.Collector.Ack(Take(ack.Id, "ack"));
                    break;
                case FailMessage fail:
                    _host.Collector.Fail(Take(fail.Id, "fail"), "failed by the shell bolt's child");
                    break;
                case ErrorMessage error:
                    _host.Collector.ReportError(new ShellProcessException("Shell Process Exception: " + error.Text));
                    break;
            }
        }
        catch (Exception e) when (item is not SessionDied && e is not OutOfMemoryException)
        {
            // Protocol violations and collector rejections (unknown stream, emit onto a direct stream, ...) are fatal, as in Storm.
            Die($"handling {item} failed", e, childExiting: false);
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
        if (emit.Task is { } direct)
        {
            _host.Collector.EmitDirect(direct, emit.Stream, anchors, values);
            return;
        }

        var taskIds = _host.Collector.Emit(emit.Stream, anchors, values).ToArray();
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
