namespace WordCount;

/// <summary>
/// Counts words (fields grouping on "word" sends each word to one task). Publishes its counts to the board
/// on every tick tuple and when it stops, so the console shows live top words without a tuple per update.
/// </summary>
public sealed class WordCountBolt : BaseBasicBolt
{
    private readonly WordCountBoard _board;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private int _taskId;

    public WordCountBolt(WordCountBoard board) => _board = board;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override IReadOnlyDictionary<string, object?> GetComponentConfiguration() =>
        new Dictionary<string, object?> { [Config.TopologyTickTupleFreqSecs] = 1 };

    public override void Prepare(Config conf, TopologyContext context) => _taskId = context.ThisTaskId;

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        if (input.IsTick)
        {
            _board.Publish(_taskId, _counts);
            return;
        }

        var word = input.GetString(0)!;
        _counts[word] = _counts.GetValueOrDefault(word) + 1;
    }

    public override void Cleanup() => _board.Publish(_taskId, _counts);
}
