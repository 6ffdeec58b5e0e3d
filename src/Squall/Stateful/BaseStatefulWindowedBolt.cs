using Squall.Windowing;

namespace Squall.Stateful;

/// <summary>Base for stateful windowed bolts: a <see cref="BaseWindowedBolt"/> whose state, and optionally window, the framework checkpoints.</summary>
/// <typeparam name="T">The user's state, e.g. <see cref="KeyValueState{TKey, TValue}"/>.</typeparam>
public abstract class BaseStatefulWindowedBolt<T> : BaseWindowedBolt, IStatefulWindowedBolt<T>
    where T : State
{
    /// <summary>
    /// Saves the window's tuples with each checkpoint and restores them after a crash (Storm's persistent window). Each tuple is
    /// acked once a checkpoint has saved it, not when it leaves the window, so a window may outlast the message timeout
    /// (the checkpoint interval must not). What <c>Execute(TupleWindow)</c> emits is not anchored to the window's tuples, which
    /// are acked already: a stateful bolt downstream keeps it consistent through its own checkpoints, as in Storm.
    /// </summary>
    public BaseStatefulWindowedBolt<T> WithPersistence()
    {
        Set(Config.TopologyBoltsWindowPersistent, true);
        return this;
    }

    /// <inheritdoc/>
    public abstract void InitState(T state);

    /// <inheritdoc/>
    public virtual void PrePrepare(long txid)
    {
    }

    /// <inheritdoc/>
    public virtual void PreCommit(long txid)
    {
    }

    /// <inheritdoc/>
    public virtual void PreRollback()
    {
    }
}
