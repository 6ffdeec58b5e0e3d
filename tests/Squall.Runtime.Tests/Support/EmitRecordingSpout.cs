namespace Squall.Runtime.Tests.Support;

/// <summary>Emits the numbers 0..count-1 once and records the task ids each Emit returned.</summary>
internal sealed class EmitRecordingSpout(int count, ConcurrentQueue<(int N, int[] Tasks)> returned) : BaseRichSpout
{
    private SpoutOutputCollector _collector = null!;
    private int _next;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        if (_next < count)
        {
            var n = _next++;
            returned.Enqueue((n, _collector.Emit(new Values(n), n).ToArray()));
        }
    }
}
