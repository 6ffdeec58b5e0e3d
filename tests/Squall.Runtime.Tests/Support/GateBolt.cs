namespace Squall.Runtime.Tests.Support;

/// <summary>
/// Holds Execute until the gate opens, then acks: asleep on the gate (user code that blocks, e.g. a synchronous
/// database call) or, with <paramref name="spin"/>, computing in a loop.
/// </summary>
internal sealed class GateBolt(ManualResetEventSlim gate, bool spin = false) : BaseRichBolt
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
        if (!spin)
        {
            gate.Wait();
        }

        while (!gate.IsSet)
        {
            Thread.SpinWait(100);
        }

        _collector.Ack(input);
    }
}
