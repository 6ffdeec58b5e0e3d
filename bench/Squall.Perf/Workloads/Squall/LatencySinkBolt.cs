using System.Diagnostics;
using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Squall;

/// <summary>The last hop: records now minus the due time carried in the tuple, once recording is on.</summary>
internal sealed class LatencySinkBolt(LatencyRecorder recorder) : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        var due = input.GetLong(0);
        if (recorder.Recording)
        {
            recorder.Histogram.RecordTicks(Stopwatch.GetTimestamp() - due);
        }
    }
}
