namespace Squall.Stateful;

/// <summary>The names of the checkpoint machinery, as Storm names them.</summary>
public static class Checkpoint
{
    /// <summary>The checkpoint spout the builder adds to a topology with stateful bolts.</summary>
    public const string ComponentId = "$checkpointspout";

    /// <summary>The stream checkpoint tuples travel on, from the checkpoint spout through every bolt.</summary>
    public const string StreamId = "$checkpoint";

    /// <summary>The transaction id field of a checkpoint tuple.</summary>
    public const string TxidField = "txid";

    /// <summary>The action field of a checkpoint tuple: PREPARE, COMMIT, ROLLBACK or INITSTATE.</summary>
    public const string ActionField = "action";

    /// <summary>True if <paramref name="tuple"/> is a checkpoint tuple.</summary>
    public static bool IsCheckpoint(Tuple tuple)
    {
        ArgumentNullException.ThrowIfNull(tuple);
        return tuple.SourceStreamId == StreamId;
    }
}
