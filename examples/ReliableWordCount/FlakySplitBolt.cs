namespace ReliableWordCount;

/// <summary>
/// Splits sentences like the word-count split bolt, but fails a fraction of them first. It fails before
/// emitting anything, so a replayed sentence is never half counted: the counts stay exact.
/// </summary>
public sealed class FlakySplitBolt : BaseBasicBolt
{
    private readonly double _failFraction;
    private readonly int _seed;
    private Random? _random;

    public FlakySplitBolt(double failFraction, int seed)
    {
        _failFraction = failFraction;
        _seed = seed;
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

    public override void Prepare(Config conf, TopologyContext context) => _random = new Random(_seed + context.ThisTaskId);

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        if (_random!.NextDouble() < _failFraction)
        {
            throw new FailedException("simulated failure");
        }

        foreach (var word in input.GetString(0)!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            collector.Emit(new Values(word));
        }
    }
}
