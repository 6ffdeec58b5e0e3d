namespace Squall.Runtime.Messaging;

/// <summary>
/// An executor's outgoing side: one open batch per destination executor, published when full or at the end
/// of each executor loop iteration (Storm's batch inserter + flush).
/// </summary>
/// <remarks>
/// A destination whose inbox is full never blocks the producer inside user code: its batches wait in an
/// overflow queue, in order, and later batches for it queue behind them. The executor then stops pulling
/// new work (a spout stops calling NextTuple; a bolt stops taking input unless it sits on a cycle) until the
/// overflow drains, which is how backpressure travels upstream without deadlocking cyclic topologies.
/// </remarks>
internal sealed class Outbox
{
    private readonly IBatchSink[] _destinations;
    private readonly TupleBatch?[] _open;
    private readonly Queue<TupleBatch>?[] _overflow;
    private readonly int[] _dirty;
    private readonly BatchPool _pool;
    private int _dirtyCount;
    private int _overflowBatches;

    public Outbox(IBatchSink[] destinations, int batchSize)
    {
        _destinations = destinations;
        _open = new TupleBatch?[destinations.Length];
        _overflow = new Queue<TupleBatch>?[destinations.Length];
        _dirty = new int[destinations.Length];
        _pool = new BatchPool(batchSize, capacity: 4 * destinations.Length + 64);
    }

    /// <summary>True while some batches wait for a full inbox; the executor should hold back new work.</summary>
    public bool HasOverflow => _overflowBatches > 0;

    public void Add(int destination, in Envelope envelope)
    {
        var batch = _open[destination];
        if (batch is null)
        {
            batch = _pool.Rent();
            _open[destination] = batch;
            _dirty[_dirtyCount++] = destination;
        }

        batch.Add(envelope);
        if (batch.IsFull)
        {
            _open[destination] = null;
            RemoveDirty(destination);
            Publish(destination, batch);
        }
    }

    /// <summary>Publishes every open batch and retries the overflow; returns true when nothing is left waiting.</summary>
    public bool Flush()
    {
        for (var i = 0; i < _dirtyCount; i++)
        {
            var destination = _dirty[i];
            var batch = _open[destination]!;
            _open[destination] = null;
            Publish(destination, batch);
        }

        _dirtyCount = 0;
        if (_overflowBatches > 0)
        {
            RetryOverflow();
        }

        return _overflowBatches == 0;
    }

    /// <summary>Parks until an inbox we overflowed into has room, or <paramref name="timeout"/> passes.</summary>
    public void WaitForSpace(TimeSpan timeout)
    {
        for (var i = 0; i < _overflow.Length; i++)
        {
            if (_overflow[i] is { Count: > 0 })
            {
                _destinations[i].WaitForSpace(timeout);
                return;
            }
        }
    }

    /// <summary>Asks every destination we overflowed into to activate <paramref name="waiter"/> when it has room.</summary>
    public void NotifyOnSpace(IActivatable waiter)
    {
        for (var i = 0; i < _overflow.Length; i++)
        {
            if (_overflow[i] is { Count: > 0 })
            {
                _destinations[i].NotifyOnSpace(waiter);
            }
        }
    }

    /// <summary>Everything not yet delivered (open and overflow), for moving tasks between executors.</summary>
    public IEnumerable<TupleBatch> TakeUndelivered()
    {
        for (var i = 0; i < _destinations.Length; i++)
        {
            if (_open[i] is { } open)
            {
                _open[i] = null;
                yield return open;
            }

            while (_overflow[i] is { Count: > 0 } queue)
            {
                _overflowBatches--;
                yield return queue.Dequeue();
            }
        }

        _dirtyCount = 0;
    }

    private void Publish(int destination, TupleBatch batch)
    {
        var overflow = _overflow[destination];
        if (overflow is { Count: > 0 } || !_destinations[destination].TryPublish(batch))
        {
            (_overflow[destination] ??= new Queue<TupleBatch>()).Enqueue(batch);
            _overflowBatches++;
        }
    }

    private void RetryOverflow()
    {
        for (var i = 0; i < _overflow.Length; i++)
        {
            var queue = _overflow[i];
            while (queue is { Count: > 0 } && _destinations[i].TryPublish(queue.Peek()))
            {
                queue.Dequeue();
                _overflowBatches--;
            }
        }
    }

    private void RemoveDirty(int destination)
    {
        for (var i = 0; i < _dirtyCount; i++)
        {
            if (_dirty[i] == destination)
            {
                _dirty[i] = _dirty[--_dirtyCount];
                return;
            }
        }
    }
}
