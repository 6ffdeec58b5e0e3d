namespace Squall.Runtime.Tests.Support;

/// <summary>Fails the numbers for which <c>fails</c> holds (with a reason), acks the others.</summary>
internal sealed class FailingBolt(Func<int, bool> fails, string reason) : BaseRichBolt
{
    private OutputCollector _collector = null!;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        if (fails(input.GetInteger(0)))
        {
            _collector.Fail(input, reason);
        }
        else
        {
            _collector.Ack(input);
        }
    }
}
