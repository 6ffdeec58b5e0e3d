namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// storm-perf's ConstSpout: emits the same 9-character string for ever. With <c>reliable</c>, each emit
/// carries its Stopwatch timestamp as message id, and the ack records the complete latency.
/// </summary>
internal sealed class ConstSpout(bool reliable, CompleteLatencyProbe? probe = null) : BaseRichSpout
{
    public const string Payload = "ABCDEFGHI";

    private SpoutOutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("str"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple() =>
        _collector!.Emit(new Values(Payload), reliable ? System.Diagnostics.Stopwatch.GetTimestamp() : null);

    public override void Ack(object messageId) => probe?.Completed((long)messageId);
}
