using System.Diagnostics;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// A storm-starter spout: sleeps 100 ms in every NextTuple call, then emits one tracked tuple carrying the
/// Stopwatch time of its emit.
/// </summary>
internal sealed class SlowSpout : BaseRichSpout
{
    private SpoutOutputCollector? _collector;
    private long _next;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("emitted"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        Thread.Sleep(100);
        _collector!.Emit(new Values(Stopwatch.GetTimestamp()), _next++);
    }
}
