using System.Diagnostics;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// Emits one tuple per period, carrying the Stopwatch time it was due. Carrying the due time rather than
/// the actual send time keeps a late spout (parked, descheduled) from hiding its delay: the latency
/// measured is what a source producing at this rate would see (no coordinated omission).
/// </summary>
internal sealed class PacedSpout(int tuplesPerSecond) : BaseRichSpout
{
    private readonly long _period = Stopwatch.Frequency / tuplesPerSecond;
    private SpoutOutputCollector? _collector;
    private long _nextDue;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("due"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        _collector = collector;
        _nextDue = Stopwatch.GetTimestamp();
    }

    public override void NextTuple()
    {
        if (Stopwatch.GetTimestamp() < _nextDue)
        {
            return;
        }

        _collector!.Emit(new Values(_nextDue));
        _nextDue += _period;
    }
}
