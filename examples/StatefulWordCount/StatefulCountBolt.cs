using Squall.Stateful;

namespace StatefulWordCount;

/// <summary>
/// Storm's stateful word count: the counts live in a <see cref="KeyValueState{TKey, TValue}"/> that the framework checkpoints to
/// the configured provider and hands back (the last committed counts) after a restart.
/// </summary>
public sealed class StatefulCountBolt : BaseStatefulBolt<KeyValueState<string, long>>
{
    private KeyValueState<string, long>? _counts;
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word", "count"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void InitState(KeyValueState<string, long> state) => _counts = state;

    public override void Execute(Tuple input)
    {
        var word = input.GetString(0)!;
        var count = _counts!.Get(word, 0) + 1;
        _counts.Put(word, count);
        _collector!.Emit(input, new Values(word, count));
        _collector.Ack(input);
    }
}
