namespace Squall.Connectors.Tests.Support;

/// <summary>Fails every message whose text starts with "poison", passes the others on (anchored) and acks them.</summary>
public sealed class PoisonBolt : BaseRichBolt
{
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("message"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        var text = input.GetString(0)!;
        if (text.StartsWith("poison", StringComparison.Ordinal))
        {
            _collector!.Fail(input);
            return;
        }

        _collector!.Emit(input, new Values(text));
        _collector.Ack(input);
    }
}
