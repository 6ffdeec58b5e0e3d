using Squall.Multilang.Protocol;

namespace Squall.Multilang.Bolt;

internal sealed partial class ShellBoltSession
{
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
                        Interlocked.Increment(ref _heartbeatsWritten);
                        Interlocked.Increment(ref _written);
                        _process.Send(TupleMessage.Heartbeat(NewId()));
                        break;
                    case QueueItem.Message when message is ProbeMessage probe:
                        // Numbered before writing, so its sync can never be counted before the number is known.
                        probe.WrittenAt = Interlocked.Increment(ref _written);
                        probe.Sequence = Interlocked.Increment(ref _heartbeatsWritten);
                        _process.Send(TupleMessage.Heartbeat(probe.Id));
                        break;
                    case QueueItem.Message when message is TaskIdsMessage:
                        Interlocked.Exchange(ref _lastReplyWrittenAt, Interlocked.Increment(ref _written));
                        _process.Send(message);
                        Interlocked.Decrement(ref _repliesQueued);
                        break;
                    case QueueItem.Message:
                        Interlocked.Increment(ref _written);
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
}
