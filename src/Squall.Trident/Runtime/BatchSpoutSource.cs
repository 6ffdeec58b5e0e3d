using Squall.Trident.Operation;
using Squall.Trident.Spout;

namespace Squall.Trident.Runtime;

internal sealed class BatchSpoutSource(IBatchSpout spout) : IBatchSource
{
    public void Open(Config conf, TopologyContext context) => spout.Open(conf, context);

    public void Emit(long txid, ITridentCollector collector) => spout.EmitBatch(txid, collector);

    public void Success(long txid) => spout.Ack(txid);

    public void Dispose() => spout.Close();
}
