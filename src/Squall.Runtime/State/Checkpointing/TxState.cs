using System.Globalization;

namespace Squall.Runtime.State.Checkpointing;

/// <summary>
/// The checkpoint spout's record of the current transaction, and the protocol's transitions (Storm's CheckPointState):
/// <code>
///             ack PREPARE             ack COMMIT
///  COMMITTED(n) ──────► PREPARING(n+1) ──────► COMMITTING(n+1) ──────► COMMITTED(n+1)
///        ▲  (interval elapsed: save PREPARING(n+1), emit PREPARE)
///        │
///  recovery: PREPARING(n) ─ emit ROLLBACK(n), on ack ─► COMMITTED(n−1)
///            COMMITTING(n) ─ emit COMMIT(n), on ack ─► COMMITTED(n)
///            COMMITTED(n) ─ emit INITSTATE(n), on ack ─► recovery done
/// </code>
/// </summary>
internal readonly record struct TxState(long Txid, TxPhase Phase)
{
    /// <summary>A topology that never checkpointed.</summary>
    public static TxState Initial => new(-1, TxPhase.Committed);

    /// <summary>The action to emit for this state.</summary>
    public CheckpointAction NextAction(bool recovering) => Phase switch
    {
        TxPhase.Preparing => recovering ? CheckpointAction.Rollback : CheckpointAction.Prepare,
        TxPhase.Committing => CheckpointAction.Commit,
        _ => recovering ? CheckpointAction.InitState : CheckpointAction.Prepare,
    };

    /// <summary>The state after the action for this state was acked by the whole topology.</summary>
    public TxState Next(bool recovering) => Phase switch
    {
        TxPhase.Preparing => recovering ? new(Txid - 1, TxPhase.Committed) : new(Txid, TxPhase.Committing),
        TxPhase.Committing => new(Txid, TxPhase.Committed),
        _ => recovering ? this : new(Txid + 1, TxPhase.Preparing),
    };

    /// <summary>As stored: "PHASE:txid".</summary>
    public override string ToString() => $"{Phase}:{Txid.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads what <see cref="ToString"/> wrote.</summary>
    public static TxState Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Enum.TryParse<TxPhase>(text[..colon], out var phase) &&
               long.TryParse(text[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var txid)
            ? new TxState(txid, phase)
            : throw new FormatException($"Not a checkpoint transaction state: '{text}'.");
    }
}
