using Squall.Trident.Operation;

namespace Squall.Trident.Runtime;

/// <summary>A spout of any kind as the spout's node runs it: emit a txid's batch, learn that it committed.</summary>
internal interface IBatchSource : IDisposable
{
    void Open(Config conf, TopologyContext context);

    void Emit(long txid, ITridentCollector collector);

    void Success(long txid);
}
