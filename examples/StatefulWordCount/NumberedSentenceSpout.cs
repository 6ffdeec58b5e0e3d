namespace StatefulWordCount;

/// <summary>
/// Emits sentence number 0, 1, 2, … (the corpus, cycled) with its number as message id, up to <c>limit</c> sentences,
/// replaying each failed one, so that in the end every sentence up to the limit has been counted at least once.
/// </summary>
public sealed class NumberedSentenceSpout : BaseRichSpout
{
    private readonly IReadOnlyList<string> _corpus;
    private readonly long _limit;
    private readonly Queue<long> _replay = new();
    private SpoutOutputCollector? _collector;
    private long _next;

    public NumberedSentenceSpout(IReadOnlyList<string> corpus, long limit)
    {
        _corpus = corpus;
        _limit = limit;
    }

    /// <summary>The sentence with number <paramref name="number"/>.</summary>
    public static string Sentence(IReadOnlyList<string> corpus, long number)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return corpus[(int)(number % corpus.Count)];
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("sentence"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        long number;
        if (_replay.Count > 0)
        {
            number = _replay.Dequeue();
        }
        else if (_next < _limit)
        {
            number = _next++;
        }
        else
        {
            return;
        }

        _collector!.Emit(new Values(Sentence(_corpus, number)), number);
    }

    public override void Fail(object messageId) => _replay.Enqueue((long)messageId);
}
