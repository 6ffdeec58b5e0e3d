namespace Squall.Runtime.Tests.Support;

/// <summary>Forwards each input anchored to it and acks it, except a random fraction which it fails.</summary>
internal sealed class RandomFailBolt(double failRate, int seed) : BaseRichBolt
{
    private OutputCollector _collector = null!;
    private Random _random = null!;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _collector = collector;
        _random = new Random(HashCode.Combine(seed, context.ThisTaskId));
    }

    public override void Execute(Tuple input)
    {
        if (_random.NextDouble() < failRate)
        {
            _collector.Fail(input, "random");
            return;
        }

        _collector.Emit(input, new Values(input.GetInteger(0)));
        _collector.Ack(input);
    }
}
