namespace Squall.Runtime.State.Checkpointing;

/// <summary>
/// A bolt's alignment on its checkpoint inputs (Storm's BaseStatefulBoltExecutor): every upstream task sends each checkpoint
/// tuple (all grouping), and the bolt acts once the same (action, txid) has arrived from all of them, so its state is cut at
/// the same point on every input. Pure; one per task.
/// </summary>
internal sealed class CheckpointAligner
{
    private readonly int _inputTasks;
    private readonly Dictionary<(CheckpointAction, long), int> _arrived = [];
    private long _lastTxid = long.MinValue;

    public CheckpointAligner(int inputTasks) => _inputTasks = Math.Max(1, inputTasks);

    /// <summary>
    /// Counts one arrival; true exactly when the last input delivered it and it is not older than what was already handled
    /// (a replayed, older transaction is only acked).
    /// </summary>
    public bool Arrive(CheckpointAction action, long txid)
    {
        var key = (action, txid);
        var count = _arrived.GetValueOrDefault(key) + 1;
        if (count < _inputTasks)
        {
            _arrived[key] = count;
            return false;
        }

        _arrived.Remove(key);
        if (txid < _lastTxid)
        {
            return false;
        }

        _lastTxid = action == CheckpointAction.Rollback ? txid - 1 : txid;
        return true;
    }

    /// <summary>How many tasks feed the checkpoint stream into <paramref name="context"/>'s task.</summary>
    public static int InputTasks(TopologyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = 0;
        foreach (var source in context.GetThisSources())
        {
            if (source.StreamId == Stateful.Checkpoint.StreamId)
            {
                count += context.GetComponentTasks(source.SourceComponent).Count;
            }
        }

        return count;
    }
}
