using Squall.Stateful;
using Squall.Windowing;

namespace Squall.State.Tests.Topologies;

/// <summary>Storm-starter's StatefulWindowingTopology bolt: sums each window and keeps a running total across windows in state.</summary>
public sealed class StatefulSumWindowBolt : BaseStatefulWindowedBolt<KeyValueState<string, long>>
{
    private KeyValueState<string, long>? _state;
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("windowSum", "total"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void InitState(KeyValueState<string, long> state) => _state = state;

    public override void Execute(TupleWindow inputWindow)
    {
        long sum = inputWindow.Get().Sum(t => t.GetInteger(0));
        var total = _state!.Get("total", 0) + sum;
        _state.Put("total", total);
        _collector!.Emit(new Values(sum, total)); // anchored to the window by the runtime
    }
}
