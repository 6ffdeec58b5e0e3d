using System.Collections.Concurrent;
using System.Diagnostics;

namespace Squall.Runtime.Messaging;

/// <summary>
/// An executor's receive queue: a bounded ring of tuple batches from any number of producers, plus an
/// unbounded control queue (ticks, timeouts, lifecycle) that is never blocked by data.
/// </summary>
/// <remarks>
/// Waking the consumer: an executor on the worker's pool is its inbox's <see cref="Consumer"/>, and every
/// arrival activates it (a volatile read when it is already queued or running). A spout's executor has a
/// thread of its own, which parks on <see cref="_arrived"/> when both queues are empty; a producer wakes it
/// only if it announced it is parked, so the hot path costs one volatile read. Producers that find the ring
/// full either park on <see cref="_space"/> (threads of their own) or leave an <see cref="IActivatable"/>
/// (pooled executors); the consumer sets the one and activates the others once it has taken the ring down to
/// half its capacity.
/// </remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "The events never create a kernel handle (WaitHandle is not used), and producers may still Set them after the consumer is gone.")]
[DebuggerDisplay("Inbox batches = {_batches.Count}/{_batches.Capacity}, control = {_control.Count}")]
internal sealed class Inbox : IBatchSink
{
    private readonly RingBuffer<TupleBatch> _batches;
    private readonly ConcurrentQueue<ControlMessage> _control = new();
    private readonly ManualResetEventSlim _arrived = new(false, spinCount: 0);
    private readonly ManualResetEventSlim _space = new(false, spinCount: 0);
    private readonly ConcurrentQueue<IActivatable> _spaceWaiters = new();
    private int _consumerParked;
    private int _producersWaiting;

    public Inbox(int capacityInBatches) => _batches = new RingBuffer<TupleBatch>(capacityInBatches);

    /// <summary>The pooled executor to activate on arrivals; null for an executor with its own thread (it parks).</summary>
    public IActivatable? Consumer { get; set; }

    public bool IsEmpty => _batches.IsEmpty && _control.IsEmpty;

    public int Count => _batches.Count;

    public int Capacity => _batches.Capacity;

    public bool TryPublish(TupleBatch batch)
    {
        if (!_batches.TryEnqueue(batch))
        {
            return false;
        }

        WakeConsumer();
        return true;
    }

    public void Post(ControlMessage message)
    {
        _control.Enqueue(message);
        WakeConsumer();
    }

    public bool TryTake([MaybeNullWhen(false)] out TupleBatch batch)
    {
        if (!_batches.TryDequeue(out batch))
        {
            return false;
        }

        // Producers that found the ring full are woken once it is half empty, not at the first free slot: a
        // producer faster than its consumer would otherwise be parked and woken once per batch (a futex wake
        // and two context switches per batch, which under load took most of both cores). Half a ring is
        // still plenty of work for the consumer while the producer refills it.
        if (Volatile.Read(ref _producersWaiting) > 0 && _batches.Count <= _batches.Capacity / 2)
        {
            FreeWaiters();
        }

        return true;
    }

    public void NotifyOnSpace(IActivatable waiter)
    {
        Interlocked.Increment(ref _producersWaiting);
        _spaceWaiters.Enqueue(waiter);
    }

    /// <summary>Wakes the consumer: activates it on the pool, or unparks its thread.</summary>
    public void Wake() => WakeConsumer();

    public bool TryTakeControl(out ControlMessage message) => _control.TryDequeue(out message);

    /// <summary>Parks the consumer until something arrives or <paramref name="timeout"/> passes.</summary>
    public void WaitForWork(TimeSpan timeout)
    {
        _arrived.Reset();
        Interlocked.Exchange(ref _consumerParked, 1);
        if (IsEmpty)
        {
            _arrived.Wait(timeout);
        }

        Volatile.Write(ref _consumerParked, 0);
    }

    /// <summary>Parks a producer until the consumer frees space or <paramref name="timeout"/> passes.</summary>
    public void WaitForSpace(TimeSpan timeout)
    {
        _space.Reset();
        Interlocked.Increment(ref _producersWaiting);
        if (_batches.Count >= _batches.Capacity)
        {
            _space.Wait(timeout);
        }

        Interlocked.Decrement(ref _producersWaiting);
    }

    private void FreeWaiters()
    {
        _space.Set();
        while (_spaceWaiters.TryDequeue(out var waiter))
        {
            Interlocked.Decrement(ref _producersWaiting);
            waiter.Activate();
        }
    }

    private void WakeConsumer()
    {
        if (Consumer is { } consumer)
        {
            consumer.Activate();
        }
        else if (Volatile.Read(ref _consumerParked) != 0)
        {
            _arrived.Set();
        }
    }
}
