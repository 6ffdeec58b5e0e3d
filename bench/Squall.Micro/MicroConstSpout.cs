namespace Squall.Micro;

/// <summary>Emits a constant string; with message ids (a cached boxed id, so the spout itself allocates nothing) when acked.</summary>
internal sealed class MicroConstSpout(bool acked) : BaseRichSpout
{
    private static readonly object MessageId = 1L;
    private SpoutOutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("str"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple() => _collector!.Emit(new Values("ABCDEFGHI"), acked ? MessageId : null);
}
