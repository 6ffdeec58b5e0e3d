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
}
