namespace Squall.Runtime.Tests.Support;

/// <summary>A basic bolt that rejects odd numbers with a <see cref="FailedException"/>.</summary>
internal sealed class RejectingBasicBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        var n = input.GetInteger(0);
        if (n % 2 == 1)
        {
            throw new FailedException($"odd number {n}");
        }
    }
}
