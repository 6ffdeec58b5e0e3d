namespace Squall.Runtime.Tests.Support;

/// <summary>Blocks in Execute until the gate opens (user code that blocks, e.g. a synchronous database call), then acks.</summary>
internal sealed class GateBolt(ManualResetEventSlim gate) : BaseRichBolt
{
    private OutputCollector _collector = null!;

    public int Entered;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        Interlocked.Increment(ref Entered);
        gate.Wait();
        _collector.Ack(input);
    }
}
