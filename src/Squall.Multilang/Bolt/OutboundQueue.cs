using Squall.Multilang.Protocol;

namespace Squall.Multilang.Bolt;

/// <summary>
/// What the writer thread sends a bolt's child, in Storm's priority order: a requested heartbeat first, then
/// task-id replies (unbounded), then tuples (bounded by <c>topology.shellbolt.max.pending</c>; a full queue
/// holds <c>Execute</c> back). Replies overtake tuples so a child blocked in <c>emit</c> waiting for its ids can
/// never deadlock behind a full tuple queue (STORM-756). Closing wakes every waiter.
/// </summary>
internal sealed class OutboundQueue
{
    private readonly object _gate = new();
    private readonly Queue<HostMessage> _replies = new();
    private readonly Queue<HostMessage> _tuples = new();
    private readonly int _capacity;
    private bool _heartbeat;
    private bool _closed;

    public OutboundQueue(int capacity) => _capacity = capacity;

    /// <summary>
    /// Queues a tuple, waiting up to <paramref name="wait"/> while the queue is full; a <see cref="Nudge"/> ends
    /// the wait early, so the executor thread can apply what the child sent meanwhile and try again.
    /// </summary>
    public EnqueueResult TryEnqueueTuple(HostMessage tuple, TimeSpan wait)
    {
        lock (_gate)
        {
            if (!_closed && _tuples.Count >= _capacity)
            {
                Monitor.Wait(_gate, wait);
            }

            if (_closed)
            {
                return EnqueueResult.Closed;
            }

            if (_tuples.Count >= _capacity)
            {
                return EnqueueResult.Full;
            }

            _tuples.Enqueue(tuple);
            Monitor.PulseAll(_gate);
            return EnqueueResult.Queued;
        }
    }

    public void EnqueueReply(HostMessage reply)
    {
        lock (_gate)
        {
            _replies.Enqueue(reply);
            Monitor.PulseAll(_gate);
        }
    }

    public void RequestHeartbeat()
    {
        lock (_gate)
        {
            _heartbeat = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Wakes a waiting <see cref="TryEnqueueTuple"/> (the child sent something to apply).</summary>
    public void Nudge()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// The next thing to write: <see cref="QueueItem.Heartbeat"/>, a message, <see cref="QueueItem.Idle"/>
    /// after <paramref name="wait"/> with nothing to do, or <see cref="QueueItem.Closed"/>.
    /// </summary>
    public (QueueItem Kind, HostMessage? Message) Take(TimeSpan wait)
    {
        lock (_gate)
        {
            var deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
            while (true)
            {
                if (_closed)
                {
                    return (QueueItem.Closed, null);
                }

                if (_heartbeat)
                {
                    _heartbeat = false;
                    return (QueueItem.Heartbeat, null);
                }

                if (_replies.TryDequeue(out var reply))
                {
                    return (QueueItem.Message, reply);
                }

                if (_tuples.TryDequeue(out var tuple))
                {
                    Monitor.PulseAll(_gate);
                    return (QueueItem.Message, tuple);
                }

                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    return (QueueItem.Idle, null);
                }

                Monitor.Wait(_gate, (int)remaining);
            }
        }
    }
}

/// <summary>What <see cref="OutboundQueue.Take"/> returned.</summary>
internal enum QueueItem
{
    Message,
    Heartbeat,
    Idle,
    Closed,
}

/// <summary>What <see cref="OutboundQueue.TryEnqueueTuple"/> did.</summary>
internal enum EnqueueResult
{
    Queued,
    Full,
    Closed,
}
