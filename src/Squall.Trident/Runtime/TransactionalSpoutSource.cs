using Squall.Runtime.State;
using Squall.Trident.Operation;
using Squall.Trident.Spout;

namespace Squall.Trident.Runtime;

/// <summary>Runs a transactional spout: a new txid's metadata is saved before its batch is emitted, a replay reuses it.</summary>
internal sealed class TransactionalSpoutSource(ITransactionalSpout spout, string txId, IMapStoreFactory store) : IBatchSource
{
    private readonly BatchMetas _metas = new();

    public void Open(Config conf, TopologyContext context)
    {
        _metas.Open(store, txId, conf, context);
        spout.Open(conf, context);
    }

    public void Emit(long txid, ITridentCollector collector)
    {
        if (!_metas.TryGet(txid, out var meta))
        {
            meta = spout.NewBatchMeta(txid, _metas.Before(txid));
            _metas.Set(txid, meta);
        }

        spout.EmitBatch(txid, meta, collector);
    }

    public void Success(long txid) => _metas.Committed(txid);

    public void Dispose()
    {
        spout.Close();
        _metas.Dispose();
    }
}
