namespace Squall.Runtime.Messaging;

/// <summary>
/// A producer's pool of batches: the producer rents on its own thread, consumers on any thread return.
/// Bounded: beyond its capacity returned batches are left to the GC, so a burst cannot pin memory for ever.
/// </summary>
internal sealed class BatchPool
{
    private readonly RingBuffer<TupleBatch> _free;
    private readonly int _batchSize;

    public BatchPool(int batchSize, int capacity)
    {
        _batchSize = batchSize;
        _free = new RingBuffer<TupleBatch>(capacity);
    }

    public TupleBatch Rent() => _free.TryDequeue(out var batch) ? batch : new TupleBatch(_batchSize, this);

    public void Return(TupleBatch batch) => _free.TryEnqueue(batch);
}
