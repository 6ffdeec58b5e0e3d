namespace Squall.State.Tests.Topologies;

/// <summary>Splits a sentence into words, anchored (a basic bolt).</summary>
public sealed class SplitWords : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        foreach (var word in input.GetString(0)!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            collector.Emit(new Values(word));
        }
    }
}
