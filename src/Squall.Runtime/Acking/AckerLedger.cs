using System.Runtime.CompilerServices;

namespace Squall.Runtime.Acking;

/// <summary>
/// The acker's XOR ledger for the trees routed to one acker task (Storm's Acker, as a pure class).
/// </summary>
/// <remarks>
/// Each tree is one 64-bit value: the spout's ack-init XORs in the ids of the tree's first edges; every ack
/// XORs in the acked tuple's own edge id and the ids of the edges anchored to it. Each edge id therefore
/// enters exactly twice, and the value returns to zero exactly when every edge is acked — in any order,
/// even when an ack overtakes the init. A fail, or expiry after the timeout, ends the tree.
/// </remarks>
internal sealed class AckerLedger
{
    private readonly RotatingMap<Entry> _pending;

    public AckerLedger(int buckets) => _pending = new RotatingMap<Entry>(buckets);

    public int PendingCount => _pending.Count;

    public AckOutcome Init(long root, long value, int spoutTask) => Update(root, value, spoutTask, null);

    public AckOutcome Ack(long root, long value) => Update(root, value, spoutTask: -1, null);

    public AckOutcome Fail(long root, FailureReason reason) => Update(root, 0, spoutTask: -1, reason);

    /// <summary>The spout task of the tree, if known, so a timeout reset can be forwarded.</summary>
    public int ResetTimeout(long root)
    {
        ref var entry = ref _pending.Find(root);
        if (Unsafe.IsNullRef(ref entry))
        {
            return -1;
        }

        // SpoutTask is stored plus one (see Entry); -1 when the init has not arrived yet.
        var spout = entry.SpoutTask - 1;
        _pending.Touch(root);
        return spout;
    }

    /// <summary>Forgets trees older than the timeout (their spouts have failed them by now).</summary>
    public int Expire() => _pending.Rotate().Count;

    private AckOutcome Update(long root, long value, int spoutTask, FailureReason? reason)
    {
        ref var entry = ref _pending.FindOrAdd(root);
        entry.Value ^= value;
        if (spoutTask >= 0)
        {
            entry.SpoutTask = spoutTask + 1;
        }

        entry.Reason ??= reason;
        if (entry.SpoutTask == 0)
        {
            return default;
        }

        if (entry.Reason is not null)
        {
            var outcome = new AckOutcome(AckOutcomeKind.Failed, entry.SpoutTask - 1, entry.Reason);
            _pending.Remove(root, out _);
            return outcome;
        }

        if (entry.Value == 0)
        {
            var outcome = new AckOutcome(AckOutcomeKind.Completed, entry.SpoutTask - 1, null);
            _pending.Remove(root, out _);
            return outcome;
        }

        return default;
    }

    /// <summary>One tree. <c>SpoutTask</c> is stored plus one so the default entry means "init not seen yet".</summary>
    private struct Entry
    {
        public long Value;
        public int SpoutTask;
        public FailureReason? Reason;
    }
}
