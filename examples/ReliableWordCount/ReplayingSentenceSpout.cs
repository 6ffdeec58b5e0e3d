namespace ReliableWordCount;

/// <summary>
/// Emits each sentence of a finite source once, with its index as message id, and emits it again from the
/// source when its tree fails — logging why (Squall tells the spout which bolt failed it, or that it timed out).
/// </summary>
public sealed class ReplayingSentenceSpout : BaseRichSpout
{
    private readonly IReadOnlyList<string> _sentences;
    private readonly ReplayLog _log;
    private readonly Queue<int> _replay = new();
    private SpoutOutputCollector? _collector;
    private int _next;

    public ReplayingSentenceSpout(IReadOnlyList<string> sentences, ReplayLog log)
    {
        _sentences = sentences;
        _log = log;
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("sentence"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        if (!_replay.TryDequeue(out var index))
        {
            if (_next == _sentences.Count)
            {
                return;
            }

            index = _next++;
        }

        _collector!.Emit(new Values(_sentences[index]), index);
    }

    public override void Ack(object messageId) => _log.Acked();

    public override void Fail(object messageId, FailureReason reason)
    {
        _log.Failed(reason);
        _replay.Enqueue((int)messageId);
    }
}
