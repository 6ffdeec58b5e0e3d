using System.Collections.Concurrent;

namespace Squall.Connectors.Tests.Support;

/// <summary>Keeps every input without acking it (so the spout's pending count only grows), recording the values.</summary>
public sealed class HoldBolt(ConcurrentQueue<string> held) : BaseRichBolt
{
    private readonly List<Tuple> _kept = [];

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
    }

    public override void Execute(Tuple input)
    {
        _kept.Add(input);
        held.Enqueue(input.GetString(0)!);
    }
}
