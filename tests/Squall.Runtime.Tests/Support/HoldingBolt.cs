namespace Squall.Runtime.Tests.Support;

/// <summary>
/// Holds every input without acking. On each tick it resets the timeout of what it holds (when asked to), or
/// acks it all once <see cref="Release"/> is set; it counts the ticks it handled, so a test can wait for them.
/// </summary>
internal sealed class HoldingBolt(HoldingBolt.State state, int? tickFreqSecs = null) : BaseRichBolt
{
    private readonly List<Tuple> _held = [];
    private OutputCollector _collector = null!;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override IReadOnlyDictionary<string, object?>? GetComponentConfiguration() =>
        tickFreqSecs is { } f ? new Dictionary<string, object?> { [Config.TopologyTickTupleFreqSecs] = f } : null;

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        if (!input.IsTick)
        {
            _held.Add(input);
            Interlocked.Increment(ref state.Received);
            return;
        }

        foreach (var tuple in _held)
        {
            if (Volatile.Read(ref state.Release))
            {
                _collector.Ack(tuple);
            }
            else if (state.ResetTimeouts)
            {
                _collector.ResetTimeout(tuple);
            }
        }

        if (Volatile.Read(ref state.Release))
        {
            _held.Clear();
        }

        Interlocked.Increment(ref state.Ticks);
    }

    /// <summary>Shared between the test and the bolt's task.</summary>
    public sealed class State
    {
        public int Received;
        public int Ticks;
        public bool Release;

        public bool ResetTimeouts { get; init; }
    }
}
