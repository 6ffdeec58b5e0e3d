using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Squall.Runtime.Messaging;

/// <summary>
/// A bounded, lock-free, multi-producer multi-consumer ring buffer (Dmitry Vyukov's bounded queue).
/// </summary>
/// <remarks>
/// <code>
///   slots:  [ seq | item ] [ seq | item ] ... (capacity = 2^k, index = position &amp; mask)
///   enqueue at position p: wait for slot.seq == p, write item, publish slot.seq = p + 1
///   dequeue at position p: wait for slot.seq == p + 1, read item, free slot.seq = p + capacity
/// </code>
/// Producers and consumers each claim a position with one CAS on their own cursor; the per-slot sequence
/// number publishes the item, so there is no lock and no per-item allocation. The two cursors sit on
/// separate cache lines so producers and the consumer do not false-share. Used for executor inboxes (many
/// producers, one consumer) and batch pools (many returners, one renter).
/// </remarks>
[DebuggerDisplay("Count = {Count}, Capacity = {Capacity}")]
internal sealed class RingBuffer<T>
    where T : class
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private PaddedLong _enqueuePos;
    private PaddedLong _dequeuePos;

    public RingBuffer(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity));
        _slots = new Slot[size];
        _mask = size - 1;
        for (var i = 0; i < size; i++)
        {
            _slots[i].Sequence = i;
        }
    }

    public int Capacity => _slots.Length;

    /// <summary>An estimate: exact only when no thread is enqueuing or dequeuing.</summary>
    public int Count => (int)Math.Max(0, Volatile.Read(ref _enqueuePos.Value) - Volatile.Read(ref _dequeuePos.Value));

    public bool IsEmpty => Volatile.Read(ref _enqueuePos.Value) == Volatile.Read(ref _dequeuePos.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnqueue(T item)
    {
        var pos = Volatile.Read(ref _enqueuePos.Value);
        while (true)
        {
            ref var slot = ref _slots[pos & _mask];
            var diff = Volatile.Read(ref slot.Sequence) - pos;
            if (diff == 0)
            {
                var claimed = Interlocked.CompareExchange(ref _enqueuePos.Value, pos + 1, pos);
                if (claimed == pos)
                {
                    slot.Item = item;
                    Volatile.Write(ref slot.Sequence, pos + 1);
                    return true;
                }

                pos = claimed;
            }
            else if (diff < 0)
            {
                return false;
            }
            else
            {
                pos = Volatile.Read(ref _enqueuePos.Value);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDequeue([MaybeNullWhen(false)] out T item)
    {
        var pos = Volatile.Read(ref _dequeuePos.Value);
        while (true)
        {
            ref var slot = ref _slots[pos & _mask];
            var diff = Volatile.Read(ref slot.Sequence) - (pos + 1);
            if (diff == 0)
            {
                var claimed = Interlocked.CompareExchange(ref _dequeuePos.Value, pos + 1, pos);
                if (claimed == pos)
                {
                    item = slot.Item!;
                    slot.Item = null;
                    Volatile.Write(ref slot.Sequence, pos + _slots.Length);
                    return true;
                }

                pos = claimed;
            }
            else if (diff < 0)
            {
                item = null;
                return false;
            }
            else
            {
                pos = Volatile.Read(ref _dequeuePos.Value);
            }
        }
    }

    private struct Slot
    {
        public long Sequence;
        public T? Item;
    }
}
