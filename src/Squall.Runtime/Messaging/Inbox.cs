using System.Collections.Concurrent;
using System.Diagnostics;

namespace Squall.Runtime.Messaging;

/// <summary>
/// An executor's receive queue: a bounded ring of tuple batches from any number of producers, plus an
/// unbounded control queue (ticks, timeouts, lifecycle) that is never blocked by data.
/// </summary>
/// <remarks>
/// Waiting: the consumer parks on <see cref="_arrived"/> when both queues are empty; a producer wakes it only
/// if it announced it is parked, so the hot path costs one volatile read. Producers that find the ring full
/// park on <see cref="_space"/>, which the consumer sets after taking a batch while anyone waits.
/// </remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "The events never create a kernel handle (WaitHandle is not used), and producers may still Set them after the consumer is gone.")]
[DebuggerDisplay("Inbox batches = {_batches.Count}/{_batches.Capacity}, control = {_control.Count}")]
internal sealed class Inbox : IBatchSink
{
    private readonly RingBuffer<TupleBatch> _batches;
    private readonly ConcurrentQueue<ControlMessage> _control = new();
    private readonly ManualResetEventSlim _arrived = new(false, spinCount: 0);
    private readonly ManualResetEventSlim _space = new(false, spinCount: 0);
    private int _consumerParked;
    private int _producersWaiting;

    public Inbox(int capacityInBatches) => _batches = new RingBuffer<TupleBatch>(capacityInBatches);

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

        if (Volatile.Read(ref _producersWaiting) > 0)
        {
            _space.Set();
        }

        return true;
    }

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

    private void WakeConsumer()
    {
        if (Volatile.Read(ref _consumerParked) != 0)
        {
            _arrived.Set();
        }
    }
}
