namespace Squall.Tests.Support;

/// <summary>A bolt that declares nothing and does nothing.</summary>
internal sealed class StubBolt : BaseRichBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
    }

    public override void Execute(Tuple input)
    {
    }
}
