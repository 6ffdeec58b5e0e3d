namespace Squall.Perf.Workloads.Squall;

/// <summary>storm-perf's IdBolt: re-emits each tuple's values unchanged.</summary>
internal sealed class IdentityBolt(Fields fields) : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(fields);

    public override void Execute(Tuple input, BasicOutputCollector collector) => collector.Emit(input.GetValues());
}
