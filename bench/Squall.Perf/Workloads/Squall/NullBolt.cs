namespace Squall.Perf.Workloads.Squall;

/// <summary>storm-perf's DevNullBolt: drops every tuple (acking it, as a basic bolt does).</summary>
internal sealed class NullBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
    }
}
