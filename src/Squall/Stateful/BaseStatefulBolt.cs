namespace Squall.Stateful;

/// <summary>Base for stateful bolts: empty checkpoint hooks and cleanup.</summary>
/// <typeparam name="T">The state, e.g. <see cref="KeyValueState{TKey, TValue}"/>.</typeparam>
public abstract class BaseStatefulBolt<T> : BaseRichBolt, IStatefulBolt<T>
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
