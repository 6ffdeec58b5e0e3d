namespace Squall.Perf.Workloads.Squall;

/// <summary>The last hop: records now minus the due time carried in the tuple, once recording is on.</summary>
internal sealed class LatencySinkBolt(LatencyRecorder recorder) : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Execute(Tuple input, BasicOutputCollector collector) => recorder.RecordSince(input.GetLong(0));
}
