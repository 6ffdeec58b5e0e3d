namespace Squall.Runtime.State.Checkpointing;

/// <summary>
/// What runs inside a <see cref="StatefulBoltExecutor"/> and keeps state of its own (a persistent window): it takes each
/// checkpoint step right after the user's state, so both are prepared, committed and rolled back together.
/// </summary>
internal interface ICheckpointParticipant
{
    /// <summary>Saves the changes since the last checkpoint as prepared transaction <paramref name="txid"/>.</summary>
    void Prepare(long txid);

    /// <summary>Commits prepared transaction <paramref name="txid"/>.</summary>
    void Commit(long txid);

    /// <summary>Discards everything not committed and goes back to the committed state.</summary>
    void Rollback();

    /// <summary>Loads the committed state, before the user's <c>InitState</c> and before any tuple.</summary>
    void InitState();
}
