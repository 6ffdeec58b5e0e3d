using Squall.Stateful;

namespace Squall.Runtime.State.Checkpointing;

/// <summary>
/// Wraps a bolt that keeps no state in a stateful topology (Storm's CheckpointTupleForwarder): passes its tuples through and,
/// once a checkpoint tuple has arrived on all checkpoint inputs, forwards it downstream, anchored, and acks it.
/// </summary>
internal sealed class CheckpointTupleForwarder : IRichBolt
{
    private readonly IRichBolt _bolt;
    private CheckpointAligner? _aligner;
    private OutputCollector? _collector;

    public CheckpointTupleForwarder(IRichBolt bolt) => _bolt = bolt;

    public void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _aligner = new CheckpointAligner(CheckpointAligner.InputTasks(context));
        _collector = collector;
        _bolt.Prepare(conf, context, collector);
    }

    public void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Checkpoint.IsCheckpoint(input))
        {
            _bolt.Execute(input);
            return;
        }

        var (txid, action) = CheckpointTuples.Read(input);
        if (_aligner!.Arrive(action, txid))
        {
            _collector!.Emit(Checkpoint.StreamId, input, CheckpointTuples.Values(txid, action));
        }

        _collector!.Ack(input);
    }

    public void Cleanup() => _bolt.Cleanup();

    public void DeclareOutputFields(OutputFieldsDeclarer declarer) => _bolt.DeclareOutputFields(declarer);

    public IReadOnlyDictionary<string, object?>? GetComponentConfiguration() => _bolt.GetComponentConfiguration();
}
