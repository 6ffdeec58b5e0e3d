namespace Squall.Connectors.Tests.Support;

/// <summary>
/// Passes its first <paramref name="before"/> inputs on (anchored) at once, then holds each further one until
/// <paramref name="gate"/> opens: a test that breaks something between the two knows tuples are in flight,
/// without guessing how long a stream takes to flow.
/// </summary>
public sealed class GatedBolt(int before, ManualResetEventSlim gate) : BaseRichBolt
{
    /// <summary>A bound on the wait, so a test that failed before opening the gate still shuts its topology down.</summary>
    private static readonly TimeSpan MostWait = TimeSpan.FromMinutes(3);

    private OutputCollector? _collector;
    private int _passed;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("message"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        if (++_passed > before && !gate.IsSet)
        {
            // What passed so far leaves now, not at the end of the executor's slice, which waits with this call.
            _collector!.Flush();
            gate.Wait(MostWait);
        }

        _collector!.Emit(input, new Values(input.GetString(0)));
        _collector.Ack(input);
    }
}
