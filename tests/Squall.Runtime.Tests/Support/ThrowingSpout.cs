namespace Squall.Runtime.Tests.Support;

/// <summary>Emits 0..count-1, but its first NextTuple throws before emitting anything.</summary>
internal sealed class ThrowingSpout(int count) : BaseRichSpout
{
    private SpoutOutputCollector _collector = null!;
    private bool _thrown;
    private int _next;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        if (!_thrown)
        {
            _thrown = true;
            throw new InvalidOperationException("spout hiccup");
        }

        if (_next < count)
        {
            _collector.Emit(new Values(_next), _next++);
        }
    }
}
