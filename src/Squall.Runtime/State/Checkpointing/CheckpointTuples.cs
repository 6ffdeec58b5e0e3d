using Squall.Stateful;

namespace Squall.Runtime.State.Checkpointing;

/// <summary>Reads and writes the (txid, action) of checkpoint tuples; actions travel as Storm's names (PREPARE, COMMIT, ...).</summary>
internal static class CheckpointTuples
{
    public static Values Values(long txid, CheckpointAction action) => new(txid, Name(action));

    public static (long Txid, CheckpointAction Action) Read(Tuple tuple) =>
        (tuple.GetLongByField(Checkpoint.TxidField), Parse(tuple.GetStringByField(Checkpoint.ActionField)));

    public static string Name(CheckpointAction action) => action switch
    {
        CheckpointAction.Prepare => "PREPARE",
        CheckpointAction.Commit => "COMMIT",
        CheckpointAction.Rollback => "ROLLBACK",
        _ => "INITSTATE",
    };

    private static CheckpointAction Parse(string? name) => name switch
    {
        "PREPARE" => CheckpointAction.Prepare,
        "COMMIT" => CheckpointAction.Commit,
        "ROLLBACK" => CheckpointAction.Rollback,
        "INITSTATE" => CheckpointAction.InitState,
        _ => throw new InvalidOperationException($"Unknown checkpoint action '{name}'."),
    };
}
