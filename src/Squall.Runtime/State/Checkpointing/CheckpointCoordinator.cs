namespace Squall.Runtime.State.Checkpointing;

/// <summary>
/// The checkpoint spout's logic as a pure state machine (time passed in; no I/O): decides when to emit which checkpoint
/// tuple and how acks and fails move the transaction. The spout persists <see cref="Tx"/> whenever a call reports it changed.
/// </summary>
/// <remarks>
/// It starts recovering (a start is a recovery: the last run may have died mid-transaction). Recovery re-sends the action the
/// stored state calls for (ROLLBACK, COMMIT, then INITSTATE) one at a time; then it checkpoints every interval: PREPARE, then
/// COMMIT. One checkpoint tuple is in flight at a time. A fail (a bolt could not prepare, or the tuple timed out because a
/// worker died) turns recovery on again. An ack for another txid is stale and ignored.
/// </remarks>
internal sealed class CheckpointCoordinator
{
    private readonly long _intervalMs;
    private long _lastCheckpointAt = long.MinValue;
    private bool _inProgress;

    public CheckpointCoordinator(TxState stored, long intervalMs)
    {
        Tx = stored;
        _intervalMs = intervalMs;
    }

    public TxState Tx { get; private set; }

    public bool Recovering { get; private set; } = true;

    /// <summary>What to emit now, if anything; <paramref name="changed"/> says <see cref="Tx"/> must be saved before emitting.</summary>
    public (long Txid, CheckpointAction Action)? Next(long now, out bool changed)
    {
        changed = false;
        if (_inProgress)
        {
            return null;
        }

        if (Recovering)
        {
            _inProgress = true;
            return (Tx.Txid, Tx.NextAction(recovering: true));
        }

        if (Tx.Phase == TxPhase.Committed)
        {
            if (_lastCheckpointAt != long.MinValue && now - _lastCheckpointAt < _intervalMs)
            {
                return null;
            }

            Tx = Tx.Next(recovering: false);
            changed = true;
            _lastCheckpointAt = now;
        }

        _inProgress = true;
        return (Tx.Txid, Tx.NextAction(recovering: false));
    }

    /// <summary>The checkpoint tuple <paramref name="txid"/> was acked by every bolt; returns true if <see cref="Tx"/> changed.</summary>
    public bool OnAck(long txid)
    {
        if (txid != Tx.Txid)
        {
            return false; // stale
        }

        _inProgress = false;
        var next = Tx.Next(Recovering);
        if (Recovering && next == Tx)
        {
            Recovering = false; // INITSTATE went through: recovery is complete
            return false;
        }

        Tx = next;
        return true;
    }

    /// <summary>The checkpoint tuple failed (or timed out): recover.</summary>
    public void OnFail()
    {
        _inProgress = false;
        Recovering = true;
    }
}
