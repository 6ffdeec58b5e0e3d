namespace Squall.Stateful;

/// <summary>The checkpoint hooks of a stateful component; <see cref="IStatefulComponent{T}.InitState"/> hands it its state.</summary>
public interface IStatefulComponent : IComponent
{
    /// <summary>Called just before the framework prepares transaction <paramref name="txid"/>.</summary>
    void PrePrepare(long txid)
    {
    }

    /// <summary>Called just before the framework commits transaction <paramref name="txid"/>.</summary>
    void PreCommit(long txid)
    {
    }

    /// <summary>Called just before the framework rolls the state back to the last commit.</summary>
    void PreRollback()
    {
    }
}
