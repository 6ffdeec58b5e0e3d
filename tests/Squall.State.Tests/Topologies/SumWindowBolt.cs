using Squall.Windowing;

namespace Squall.State.Tests.Topologies;

/// <summary>Emits (sum, size, new, expired) of each window of integers.</summary>
public sealed class SumWindowBolt : BaseWindowedBolt
{
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("sum", "size", "new", "expired"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(TupleWindow inputWindow)
    {
        var sum = inputWindow.Get().Sum(t => t.GetInteger(0));
        _collector!.Emit(new Values(sum, inputWindow.Get().Count, inputWindow.GetNew().Count, inputWindow.GetExpired().Count));
    }
}
