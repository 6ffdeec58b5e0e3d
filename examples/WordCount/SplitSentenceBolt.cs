namespace WordCount;

/// <summary>Splits each sentence into words, one tuple per word, anchored to the sentence.</summary>
public sealed class SplitSentenceBolt : BaseBasicBolt
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
