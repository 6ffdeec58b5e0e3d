namespace Squall.Cluster.TestTopology;

/// <summary>Splits a sentence into words, anchored to it.</summary>
public sealed class SplitBolt : BaseBasicBolt
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
