namespace WordCount;

/// <summary>
/// Emits sentences from a list: cycling for ever, or once. When reliable, each sentence carries its index as
/// message id and failed sentences are emitted again, so every sentence is counted exactly once when acked.
/// </summary>
public sealed class SentenceSpout : BaseRichSpout
{
    private readonly IReadOnlyList<string> _sentences;
    private readonly bool _cycle;
    private readonly bool _reliable;
    private readonly Queue<int> _replay = new();
    private SpoutOutputCollector? _collector;
    private int _next;

    public SentenceSpout(IReadOnlyList<string> sentences, bool cycle, bool reliable)
    {
        _sentences = sentences;
        _cycle = cycle;
        _reliable = reliable;
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("sentence"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        int index;
        if (_replay.Count > 0)
        {
            index = _replay.Dequeue();
        }
        else if (_next < _sentences.Count)
        {
            index = _next++;
            if (_cycle && _next == _sentences.Count)
            {
                _next = 0;
            }
        }
        else
        {
            return;
        }

        _collector!.Emit(new Values(_sentences[index]), _reliable ? index : null);
    }

    public override void Fail(object messageId) => _replay.Enqueue((int)messageId);
}
