namespace Squall.Runtime.Tests.Support;

/// <summary>Emits 0..count-1 with message ids, recording "emit n" and "ack n" in order, and the acker tasks it sees.</summary>
internal sealed class AtMostOnceSpout(int count, ConcurrentQueue<string> events) : BaseRichSpout
{
    private SpoutOutputCollector _collector = null!;
    private int _next;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        _collector = collector;
        events.Enqueue($"ackers {context.GetComponentTasks(Constants.AckerComponentId).Count}");
    }

    public override void NextTuple()
    {
        if (_next < count)
        {
            events.Enqueue($"emit {_next}");
            _collector.Emit(new Values(_next), _next);
            _next++;
        }
    }

    public override void Ack(object messageId) => events.Enqueue($"ack {messageId}");

    public override void Fail(object messageId) => events.Enqueue($"fail {messageId}");
}
