using Squall.Trident.Operation;

namespace Squall.Trident.Runtime;

/// <summary>Combiner, reducer and general aggregators behind one shape (Storm wraps them the same way).</summary>
internal interface IBatchAggregation
{
    void Prepare(Config conf, TopologyContext context);

    object Begin(long txid, ITridentCollector collector);

    void Add(object state, TridentTuple tuple, ITridentCollector collector);

    void Complete(object state, ITridentCollector collector);

    void Cleanup();
}
