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

    public void Post(object item)
    {
        lock (_gate)
        {
            _items.Enqueue(item);
            Monitor.PulseAll(_gate);
        }
    }

    public bool TryTake(out object? item)
    {
        lock (_gate)
        {
            return _items.TryDequeue(out item);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for an item (only used while the child is known to be dying).</summary>
    public void WaitForItem(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_items.Count == 0)
            {
                Monitor.Wait(_gate, timeout);
            }
        }
    }
}

/// <summary>The session died; handled on the executor thread (report, fail pending).</summary>
internal sealed record SessionDied(ShellProcessException Failure, string Reason);
