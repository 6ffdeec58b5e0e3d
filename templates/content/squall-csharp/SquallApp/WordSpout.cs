namespace SquallApp;

/// <summary>
/// Emits words for ever. Each word carries a message id, so Squall tracks it through the topology and calls
/// <see cref="Ack"/> once every bolt is done with it, or <see cref="Fail(object)"/> (after an error or a time-out),
/// when the spout emits it again.
/// </summary>
public sealed class WordSpout : BaseRichSpout
{
    private static readonly string[] Words = ["storm", "squall", "gale", "breeze", "tempest", "zephyr"];

    private readonly Queue<long> _failed = new();
    private SpoutOutputCollector? _collector;
    private long _next;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        var id = _failed.Count > 0 ? _failed.Dequeue() : _next++;
        _collector!.Emit(new Values(Words[id % Words.Length]), messageId: id);
    }

    public override void Fail(object messageId) => _failed.Enqueue((long)messageId);
}
