using System.Diagnostics;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// storm-perf's ConstSpout: emits the same 9-character string for ever. With <c>reliable</c>, every emit
/// carries a message id; one in <see cref="SampleEvery"/> carries its Stopwatch timestamp and its ack
/// records the complete latency. Sampling keeps the benchmark's own clock reads (two per sample) from
/// being a visible part of what it measures, as Storm samples its latency stats.
/// </summary>
internal sealed class ConstSpout(bool reliable, LatencyRecorder? recorder = null) : BaseRichSpout
{
    public const string Payload = "ABCDEFGHI";
    public const int SampleEvery = 16;

    private static readonly object Unsampled = new();
    private SpoutOutputCollector? _collector;
    private int _sequence;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("str"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        object? messageId = null;
        if (reliable)
        {
            messageId = ++_sequence % SampleEvery == 0 ? Stopwatch.GetTimestamp() : Unsampled;
        }

        _collector!.Emit(new Values(Payload), messageId);
    }

    public override void Ack(object messageId)
    {
        if (messageId is long emitted)
        {
            recorder?.RecordSince(emitted);
        }
    }
}
