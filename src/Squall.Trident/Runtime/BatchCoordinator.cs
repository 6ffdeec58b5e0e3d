namespace Squall.Trident.Runtime;

/// <summary>
/// The master batch coordinator's logic (Storm's <c>MasterBatchCoordinator</c>), pure: inputs in, actions out, no threads.
/// <code>
///            Tick: fewer than max-pending active         batch tree acked              commit tree acked
///   (none) ─────────────────────────────────────▶ Processing ──────────▶ Processed ─────▶ Committing ─────────▶ committed
///                                                   ▲   (committed + 1 only, one at a time) │
///                                                   └──── any failure of this attempt ──────┘ (this txid and all later
///                                                         ones get new attempts and are emitted again, in order)
/// </code>
/// Up to max-pending txids are processed at once; commits happen strictly in txid order. A failed txid is replayed with
/// the same txid, and so are all later ones (an opaque spout's later batches start where it ends). Attempt ids only grow,
/// across restarts too (they start from the clock), so bolts can tell a replay from the stale attempt it replaces.
/// </summary>
internal sealed class BatchCoordinator(long committed, long firstAttempt, int maxPending)
{
    private readonly SortedDictionary<long, Active> _active = [];
    private long _nextAttempt = firstAttempt;

    private enum Status
    {
        Processing,
        Processed,
        Committing,
    }

    public long Committed { get; private set; } = committed;

    /// <summary>Starts new txids while fewer than max-pending are active.</summary>
    public List<CoordinatorAction> Tick()
    {
        var actions = new List<CoordinatorAction>();
        while (_active.Count < maxPending)
        {
            var txid = (_active.Count == 0 ? Committed : _active.Keys.Last()) + 1;
            var attempt = _nextAttempt++;
            _active[txid] = new Active(attempt, Status.Processing);
            actions.Add(new CoordinatorAction(CoordinatorActionKind.EmitBatch, txid, attempt));
        }

        return actions;
    }

    public List<CoordinatorAction> Ack(BatchMessage message)
    {
        var actions = new List<CoordinatorAction>();
        if (!_active.TryGetValue(message.Txid, out var active) || active.Attempt != message.Attempt)
        {
            return actions;
        }

        if (!message.Commit && active.Status == Status.Processing)
        {
            _active[message.Txid] = active with { Status = Status.Processed };
        }
        else if (message.Commit && active.Status == Status.Committing)
        {
            _active.Remove(message.Txid);
            Committed = message.Txid;
            actions.Add(new CoordinatorAction(CoordinatorActionKind.Committed, message.Txid, message.Attempt));
        }

        if (_active.TryGetValue(Committed + 1, out var next) && next.Status == Status.Processed)
        {
            _active[Committed + 1] = next with { Status = Status.Committing };
            actions.Add(new CoordinatorAction(CoordinatorActionKind.EmitCommit, Committed + 1, next.Attempt));
        }

        return actions;
    }

    public List<CoordinatorAction> Fail(BatchMessage message)
    {
        var actions = new List<CoordinatorAction>();
        if (!_active.TryGetValue(message.Txid, out var active) || active.Attempt != message.Attempt)
        {
            return actions;
        }

        foreach (var txid in _active.Keys.Where(t => t >= message.Txid).ToList())
        {
            var attempt = _nextAttempt++;
            _active[txid] = new Active(attempt, Status.Processing);
            actions.Add(new CoordinatorAction(CoordinatorActionKind.EmitBatch, txid, attempt));
        }

        return actions;
    }

    private readonly record struct Active(long Attempt, Status Status);
}
