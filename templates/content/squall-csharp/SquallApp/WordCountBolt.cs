namespace SquallApp;

/// <summary>
/// Counts words and emits each word with its count so far. A basic bolt anchors what it emits to its input
/// and acks the input when <see cref="Execute"/> returns. The fields grouping on "word" sends a word to one
/// task only, so each task's counts are exact for its words.
/// </summary>
public sealed class WordCountBolt : BaseBasicBolt
{
    private readonly Dictionary<string, long> _counts = [];

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word", "count"));

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        var word = input.GetStringByField("word");
        var count = _counts.GetValueOrDefault(word) + 1;
        _counts[word] = count;
        collector.Emit(new Values(word, count));
    }
}
