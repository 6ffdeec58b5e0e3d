using Squall;

namespace Squall.DrpcBench;

/// <summary>The echo function: returns its argument unchanged, so the bench measures DRPC itself.</summary>
public sealed class EchoBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "result"));

    public override void Execute(Squall.Tuple input, BasicOutputCollector collector) => collector.Emit(new Values(input.GetValue(0), input.GetValue(1)));
}
