namespace Squall.Runtime.Tests.Support;

/// <summary>Emits one number from <c>Open</c> (untracked) and nothing after: whatever it feeds must be ready by then.</summary>
internal sealed class EmitInOpenSpout(int number) : BaseRichSpout
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => collector.Emit(new Values(number));

    public override void NextTuple()
    {
    }
}
