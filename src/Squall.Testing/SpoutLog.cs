namespace Squall.Testing;

/// <summary>
/// What the tasks of a <see cref="FixedSpout"/> saw, shared through the factory closure and safe to read from
/// the test thread: emits, acks and fails (with reasons) per message id, NextTuple calls and the most trees
/// ever pending in one task.
/// </summary>
public sealed class SpoutLog
{
    private readonly ConcurrentDictionary<object, int> _acks = new();
    private readonly ConcurrentQueue<(object MessageId, FailureReason? Reason)> _fails = new();
    private long _emitted;
    private long _nextTupleCalls;
    private long _maxPending;
    private long _replays;

    /// <summary>Tuples emitted, replays included.</summary>
    public long Emitted => Interlocked.Read(ref _emitted);

    /// <summary>Replays emitted (each failed message emitted again).</summary>
    public long Replays => Interlocked.Read(ref _replays);

    /// <summary>Calls of NextTuple so far, over all tasks; a test can wait for it to move past a point as a barrier.</summary>
    public long NextTupleCalls => Interlocked.Read(ref _nextTupleCalls);

    /// <summary>The most trees one task had pending (emitted − acked − failed) at any moment.</summary>
    public long MaxPending => Interlocked.Read(ref _maxPending);

    /// <summary>Ack calls, summed over message ids.</summary>
    public int AckCount => _acks.Values.Sum();

    /// <summary>How many times each message id was acked.</summary>
    public IReadOnlyDictionary<object, int> Acks => _acks;

    /// <summary>Every Fail call, in order, with its reason (null when the engine gave none).</summary>
    public IReadOnlyList<(object MessageId, FailureReason? Reason)> Fails => [.. _fails];

    internal void Emitting(bool replay, long pending)
    {
        Interlocked.Increment(ref _emitted);
        if (replay)
        {
            Interlocked.Increment(ref _replays);
        }

        long seen;
        while (pending > (seen = Interlocked.Read(ref _maxPending)) && Interlocked.CompareExchange(ref _maxPending, pending, seen) != seen)
        {
        }
    }

    internal void CalledNextTuple() => Interlocked.Increment(ref _nextTupleCalls);

    internal void Acked(object messageId) => _acks.AddOrUpdate(messageId, 1, static (_, n) => n + 1);

    internal void Failed(object messageId, FailureReason? reason) => _fails.Enqueue((messageId, reason));

    /// <summary>Waits until <paramref name="calls"/> more NextTuple calls happened: every control message posted before now has been handled.</summary>
    public void WaitForNextTupleCalls(int calls = 2)
    {
        var target = NextTupleCalls + calls;
        Wait.Until(() => NextTupleCalls >= target, $"{calls} more NextTuple calls (a spout executor round trip)");
    }
}
