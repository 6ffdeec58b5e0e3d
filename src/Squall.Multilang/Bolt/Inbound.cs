using Squall.Multilang.Protocol;

namespace Squall.Multilang.Bolt;

/// <summary>
/// Child messages that need the collector (emit, ack, fail, error) and the death notice, handed from the reader
/// thread to the executor thread in arrival order.
/// </summary>
internal sealed class Inbound
{
    private readonly object _gate = new();
    private readonly Queue<object> _items = new();
    private long _version;

    /// <summary>Bumped on every post and every sync, so a waiter can notice progress that carries no item.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Post(object item)
    {
        lock (_gate)
        {
            _items.Enqueue(item);
            Notify();
        }
    }

    /// <summary>Wakes waiters without an item (a sync arrived).</summary>
    public void Signal()
    {
        lock (_gate)
        {
            Notify();
        }
    }

    public bool TryTake(out object? item)
    {
        lock (_gate)
        {
            return _items.TryDequeue(out item);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for anything newer than <paramref name="seen"/>.</summary>
    public void WaitForChange(long seen, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_version == seen && _items.Count == 0)
            {
                Monitor.Wait(_gate, timeout);
            }
        }
    }

    private void Notify()
    {
        Interlocked.Increment(ref _version);
        Monitor.PulseAll(_gate);
    }
}

/// <summary>The session died; handled on the executor thread (report, fail pending).</summary>
internal sealed record SessionDied(ShellProcessException Failure, string Reason);

/// <summary>A heartbeat written right after a tuple; once its sync is back, the child has finished that tuple.</summary>
internal sealed record ProbeMessage(string Id) : HostMessage
{
    private long _sequence;

    private long _writtenAt;

    /// <summary>The heartbeat's number among all heartbeats written (0 until written).</summary>
    public long Sequence
    {
        get => Interlocked.Read(ref _sequence);
        set => Interlocked.Exchange(ref _sequence, value);
    }

    /// <summary>Its position among all messages written to the child.</summary>
    public long WrittenAt
    {
        get => Interlocked.Read(ref _writtenAt);
        set => Interlocked.Exchange(ref _writtenAt, value);
    }
}
