namespace Squall.Runtime.Tests.Support;

/// <summary>Records Prepare, Execute and Cleanup into a <see cref="LifecycleLog"/> and acks its input.</summary>
internal sealed class LifecycleBolt(LifecycleLog log) : BaseRichBolt
{
    private OutputCollector _collector = null!;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        log.Enter("Prepare");
        _collector = collector;
        log.Exit();
    }

    public override void Execute(Tuple input)
    {
        log.Enter("Execute");
        _collector.Ack(input);
        log.Exit();
    }

    public override void Cleanup()
    {
        log.Enter("Cleanup");
        log.Exit();
    }
}
