using Squall.Stateful;

namespace Squall;

/// <summary>
/// What the builder knows of the checkpoint spout: its stream. The runtime recognises <see cref="Checkpoint.ComponentId"/> and runs its
/// own checkpoint spout (which needs the state provider and the clock) in its place, as it runs its own ackers.
/// </summary>
internal sealed class CheckpointSpoutDeclaration : BaseRichSpout
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) =>
        declarer.DeclareStream(Checkpoint.StreamId, new Fields(Checkpoint.TxidField, Checkpoint.ActionField));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) =>
        throw new InvalidOperationException("The checkpoint spout is run by Squall.Runtime, which replaces this declaration.");

    public override void NextTuple() =>
        throw new InvalidOperationException("The checkpoint spout is run by Squall.Runtime, which replaces this declaration.");
}
