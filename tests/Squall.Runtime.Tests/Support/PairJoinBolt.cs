namespace Squall.Runtime.Tests.Support;

/// <summary>
/// Joins the two tuples of each key (field 1): when the second arrives it emits one tuple anchored to both
/// (multi-anchoring), then acks both.
/// </summary>
internal sealed class PairJoinBolt : BaseRichBolt
{
    private readonly Dictionary<int, Tuple> _waiting = [];
    private OutputCollector _collector = null!;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("key"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        var key = input.GetInteger(1);
        if (!_waiting.Remove(key, out var first))
        {
            _waiting[key] = input;
            return;
        }

        _collector.Emit([first, input], new Values(key));
        _collector.Ack(first);
        _collector.Ack(input);
    }
}
