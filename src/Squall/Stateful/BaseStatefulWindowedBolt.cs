using Squall.Windowing;

namespace Squall.Stateful;

/// <summary>Base for stateful windowed bolts: a <see cref="BaseWindowedBolt"/> whose state, and window, the framework checkpoints.</summary>
/// <typeparam name="T">The user's state, e.g. <see cref="KeyValueState{TKey, TValue}"/>.</typeparam>
public abstract class BaseStatefulWindowedBolt<T> : BaseWindowedBolt, IStatefulWindowedBolt<T>
    where T : State
{
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
