using Squall.Trident.Planner;
using Squall.Trident.State;

namespace Squall.Trident;

/// <summary>A state a persistent aggregate keeps up to date, for <see cref="Stream.StateQuery"/> to read (Storm's <c>TridentState</c>).</summary>
public sealed class TridentState
{
    private readonly NodePlan _node;

    internal TridentState(NodePlan node, MapStateFactory factory)
    {
        _node = node;
        Factory = factory;
    }

    /// <summary>The map the state lives in.</summary>
    public MapStateFactory Factory { get; }

    /// <summary>How many tasks write the state (each owns a partition of its keys).</summary>
    public TridentState ParallelismHint(int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _node.Parallelism = parallelism;
        return this;
    }
}
