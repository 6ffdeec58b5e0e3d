using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// Emits the in-memory corpus one sentence per NextTuple, whole passes only: at each pass boundary it asks
/// the <see cref="PassGate"/> whether to start another, and stops for good when told no. When reliable, the
/// sentence is its own message id (no allocation) and a failed sentence is emitted again.
/// </summary>
internal sealed class CorpusSpout(string[] sentences, PassGate gate, WordCountProbe probe, bool reliable) : BaseRichSpout
{
    private readonly Queue<string> _replay = new();
    private SpoutOutputCollector? _collector;
    private int _next;
    private bool _finished;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("sentence"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        if (_replay.TryDequeue(out var again))
        {
            _collector!.Emit(new Values(again), again);
            return;
        }

        if (_finished)
        {
            return;
        }

        if (_next == 0 && !gate.TryStartPass())
        {
            _finished = true;
            probe.SpoutFinished(gate.Passes);
            return;
        }

        var sentence = sentences[_next];
        _collector!.Emit(new Values(sentence), reliable ? sentence : null);
        if (++_next == sentences.Length)
        {
            _next = 0;
        }
    }

    public override void Ack(object messageId) => probe.Acked();

    public override void Fail(object messageId)
    {
        probe.Failed();
        _replay.Enqueue((string)messageId);
    }
}
