namespace Squall.Runtime.State.Checkpointing;

/// <summary>Where the last transaction stands, as the checkpoint spout records it.</summary>
internal enum TxPhase
{
    Committed,
    Committing,
    Preparing,
}
