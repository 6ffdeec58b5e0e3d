namespace Squall.Runtime.State.Checkpointing;

/// <summary>What a checkpoint tuple asks every stateful bolt to do (Storm's CheckPointState.Action).</summary>
internal enum CheckpointAction
{
    Prepare,
    Commit,
    Rollback,
    InitState,
}
