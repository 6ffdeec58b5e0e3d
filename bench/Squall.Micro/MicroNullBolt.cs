namespace Squall.Micro;

/// <summary>Drops every tuple (a basic bolt acks it).</summary>
internal sealed class MicroNullBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Execute(Squall.Tuple input, BasicOutputCollector collector)
    {
    }
}
