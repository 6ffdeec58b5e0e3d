namespace Squall.Perf.Workloads.Squall;

/// <summary>Storm's SplitSentence: one tuple per word (anchored, as a basic bolt does).</summary>
internal sealed class SplitBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        foreach (var word in input.GetString(0)!.Split(' '))
        {
            collector.Emit(new Values(word));
        }
    }
}
