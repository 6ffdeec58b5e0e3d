using Squall.Runtime.State;
using Squall.Trident.Operation;
using Squall.Trident.Spout;

namespace Squall.Trident.Runtime;

/// <summary>Runs an opaque spout: every attempt emits after the previous txid's last batch; what it emitted is saved after.</summary>
internal sealed class OpaqueSpoutSource(IOpaqueTransactionalSpout spout, string txId, IMapStoreFactory store) : IBatchSource
{
    private readonly BatchMetas _metas = new();

    public void Open(Config conf, TopologyContext context)
    {
        _metas.Open(store, txId, conf, context);
        spout.Open(conf, context);
    }

    public void Emit(long txid, ITridentCollector collector) => _metas.Set(txid, spout.EmitBatch(txid, _metas.Before(txid), collector));

    public void Success(long txid) => _metas.Committed(txid);

    public void Dispose()
    {
        spout.Close();
        _metas.Dispose();
    }
}
