namespace Squall.Connectors.Tests.Support;

/// <summary>Fails every input the first time its value is seen and passes it on (anchored) the second time.</summary>
public sealed class FailOnceBolt : BaseRichBolt
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("line"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        var line = input.GetString(0)!;
        if (_seen.Add(line))
        {
            _collector!.Fail(input);
            return;
        }

        _collector!.Emit(input, new Values(line));
        _collector.Ack(input);
    }
}
