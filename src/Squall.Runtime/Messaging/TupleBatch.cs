namespace Squall.Runtime.Messaging;

/// <summary>
/// A batch of envelopes travelling from one producer executor to one consumer executor. Batches are the
/// unit of every cross-thread hand-off, so synchronization costs once per batch, not per tuple; they are
/// pooled by their producer and returned by the consumer.
/// </summary>
internal sealed class TupleBatch
{
    public TupleBatch(int capacity, BatchPool? home)
    {
        Items = new Envelope[capacity];
        Home = home;
    }

    public Envelope[] Items { get; }

    public int Count { get; set; }

    public bool IsFull => Count == Items.Length;

    /// <summary>The pool this batch returns to once consumed (its producer's).</summary>
    public BatchPool? Home { get; }

    public void Add(in Envelope envelope) => Items[Count++] = envelope;

    /// <summary>Clears references (so consumed tuples can be collected) and returns the batch to its pool.</summary>
    public void Recycle()
    {
        Array.Clear(Items, 0, Count);
        Count = 0;
        Home?.Return(this);
    }
}
