using System.Globalization;
using Squall.Stateful;

namespace Squall.Runtime.State.Checkpointing;

/// <summary>
/// The spout at the root of the checkpoint stream (Storm's CheckpointSpout): emits one checkpoint tuple at a time, with its
/// txid as message id, as <see cref="CheckpointCoordinator"/> decides, and keeps the transaction state in the configured
/// state provider under <c>$checkpointspout-taskId</c>, so a restarted topology recovers where the last run stopped.
/// </summary>
internal sealed class CheckpointSpout : BaseRichSpout
{
    /// <summary>Storm's default checkpoint interval.</summary>
    public const int DefaultIntervalMs = 1000;

    private const int MinIntervalMs = 100;

    private readonly TimeProvider _time;
    private KeyValueStore? _store;
    private StateSerializer? _serializer;
    private CheckpointCoordinator? _coordinator;
    private SpoutOutputCollector? _collector;

    public CheckpointSpout(TimeProvider time) => _time = time;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.DeclareStream(Checkpoint.StreamId, new Fields(Checkpoint.TxidField, Checkpoint.ActionField));
    }

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(conf);
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _serializer = new StateSerializer(conf);
        _store = StateProviders.Resolve(conf).Open(StateFactory.Namespace(context), conf, context);
        var key = _serializer.Serialize("__state");
        var stored = _store.Get(key) is { } bytes && _serializer.Deserialize(bytes) is string text ? TxState.Parse(text) : TxState.Initial;
        var interval = Math.Max(MinIntervalMs, conf.GetInt(Config.TopologyStateCheckpointIntervalMs, DefaultIntervalMs));
        _coordinator = new CheckpointCoordinator(stored, interval);
        Save();
    }

    public override void NextTuple()
    {
        var next = _coordinator!.Next(_time.GetUtcNow().ToUnixTimeMilliseconds(), out var changed);
        if (changed)
        {
            Save();
        }

        if (next is { } checkpoint)
        {
            _collector!.Emit(Checkpoint.StreamId, CheckpointTuples.Values(checkpoint.Txid, checkpoint.Action), checkpoint.Txid);
        }
    }

    public override void Ack(object messageId)
    {
        if (_coordinator!.OnAck(Convert.ToInt64(messageId, CultureInfo.InvariantCulture)))
        {
            Save();
        }
    }

    public override void Fail(object messageId) => _coordinator!.OnFail();

    public override void Close() => _store?.Dispose();
    private void Save()
    {
        _store!.Put(_serializer!.Serialize("__state"), _serializer.Serialize(_coordinator!.Tx.ToString()));
        _store.Commit();
    }
}
