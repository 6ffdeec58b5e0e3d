using Squall.Stateful;

namespace Squall.Cluster.TestTopology;

/// <summary>Counts words in checkpointed state (KeyValueState), as Storm's stateful word count; emits nothing.</summary>
public sealed class StatefulCountBolt : BaseStatefulBolt<KeyValueState<string, long>>
{
    private KeyValueState<string, long>? _counts;
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void InitState(KeyValueState<string, long> state) => _counts = state;

    public override void Execute(Tuple input)
    {
        var word = input.GetString(0)!;
        _counts!.Put(word, _counts.Get(word, 0) + 1);
        _collector!.Ack(input);
    }
}
