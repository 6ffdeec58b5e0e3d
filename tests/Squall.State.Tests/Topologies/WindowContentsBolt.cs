using Squall.Windowing;

namespace Squall.State.Tests.Topologies;

/// <summary>Emits (end, window, new, expired) of each window, the tuples' first values concatenated; signals <paramref name="prepared"/> once its window exists.</summary>
public sealed class WindowContentsBolt(ManualResetEventSlim prepared) : BaseWindowedBolt
{
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("end", "window", "new", "expired"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _collector = collector;
        prepared.Set(); // the runtime made the window (and fixed its time base) before calling this
    }

    public override void Execute(TupleWindow inputWindow) => _collector!.Emit(new Values(
        inputWindow.EndTimestamp, Concat(inputWindow.Get()), Concat(inputWindow.GetNew()), Concat(inputWindow.GetExpired())));

    private static string Concat(IEnumerable<Tuple> tuples) => string.Concat(tuples.Select(t => t.GetValue(0)));
}
