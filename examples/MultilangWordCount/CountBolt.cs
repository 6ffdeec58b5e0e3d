namespace MultilangWordCount;

/// <summary>The one C# component: counts the words the Python bolt emits.</summary>
public sealed class CountBolt(WordCounts counts) : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Execute(Tuple input, BasicOutputCollector collector) => counts.Add(input.GetString(0)!);
}
