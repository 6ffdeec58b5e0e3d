using Squall.Runtime.State;

namespace Squall.Trident.Runtime;

/// <summary>
/// The spout that drives every batch of a Trident topology (one task): runs <see cref="BatchCoordinator"/>, emits its
/// batches on <c>$batch</c> and commits on <c>$commit</c> with message ids (so the acker reports when a batch's whole tuple
/// tree, or a commit, is done), saves each commit's txid, and announces it on <c>$success</c>.
/// </summary>
internal sealed class MasterBatchCoordinator(string key, IMapStoreFactory store) : BaseRichSpout
{
    private SpoutOutputCollector? _collector;
    private CoordinatorStore? _store;
    private BatchCoordinator? _coordinator;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.DeclareStream(TridentStreams.Batch, TridentStreams.BatchFields);
        declarer.DeclareStream(TridentStreams.Commit, TridentStreams.BatchFields);
        declarer.DeclareStream(TridentStreams.Success, TridentStreams.BatchFields);
    }

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(conf);
        _collector = collector;
        _store = CoordinatorStore.Open(store, conf);
        var committed = _store.Get(key) as long? ?? 0;
        // Storm's default: one batch at a time unless topology.max.spout.pending says more.
        _coordinator = new BatchCoordinator(committed, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000, conf.MaxSpoutPending ?? 1);
    }

    public override void NextTuple() => Run(_coordinator!.Tick());

    public override void Ack(object messageId) => Run(_coordinator!.Ack((BatchMessage)messageId));

    public override void Fail(object messageId) => Run(_coordinator!.Fail((BatchMessage)messageId));

    public override void Close() => _store?.Dispose();

    private void Run(List<CoordinatorAction> actions)
    {
        foreach (var action in actions)
        {
            var values = new Values(action.Txid, action.Attempt);
            switch (action.Kind)
            {
                case CoordinatorActionKind.EmitBatch:
                    _collector!.Emit(TridentStreams.Batch, values, new BatchMessage(action.Txid, action.Attempt, Commit: false));
                    break;
                case CoordinatorActionKind.EmitCommit:
                    _collector!.Emit(TridentStreams.Commit, values, new BatchMessage(action.Txid, action.Attempt, Commit: true));
                    break;
                default:
                    _store!.Put(key, action.Txid);
                    _collector!.Emit(TridentStreams.Success, values);
                    break;
            }
        }
    }
}
