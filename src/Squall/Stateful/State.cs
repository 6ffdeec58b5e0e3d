namespace Squall.Stateful;

/// <summary>
/// State the framework saves for a stateful bolt at each checkpoint, in two phases: <see cref="PrepareCommit"/> makes the
/// changes since the last checkpoint durable but not yet visible as committed, <see cref="Commit(long)"/> makes them the committed
/// state, <see cref="Rollback"/> throws away everything not committed.
/// </summary>
public abstract class State
{
    /// <summary>Saves the changes since the last checkpoint as transaction <paramref name="txid"/>, prepared but not committed.</summary>
    public abstract void PrepareCommit(long txid);

    /// <summary>Commits prepared transaction <paramref name="txid"/>.</summary>
    public abstract void Commit(long txid);

    /// <summary>Commits every change at once, outside the checkpoint protocol (used by the checkpoint spout for its own state).</summary>
    public abstract void Commit();

    /// <summary>Discards everything not committed: changes since the last checkpoint and any prepared transaction.</summary>
    public abstract void Rollback();
}
