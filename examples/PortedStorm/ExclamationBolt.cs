using Squall.Metrics;

namespace PortedStorm;

/// <summary>storm-starter's ExclamationBolt, ported, with a registered counter and histogram.</summary>
internal sealed class ExclamationBolt : BaseRichBolt
{
    private OutputCollector? _collector;
    private Counter? _words;
    private Histogram? _lengths;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _collector = collector;
        _words = context.RegisterCounter("words");
        _lengths = context.RegisterHistogram("word-length");
    }

    public override void Execute(Tuple input)
    {
        var word = input.GetValue<Word>(0);
        _words!.Inc();
        _lengths!.Update(word.Text.Length);
        _collector!.Emit(input, new Values(word with { Text = word.Text + "!!!", Exclamations = word.Exclamations + 1 }));
        _collector.Ack(input);
    }
}
