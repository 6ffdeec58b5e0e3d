namespace Squall.Runtime.Tests.Support;

/// <summary>
/// A storm-starter-shaped spout: every NextTuple call "sleeps" 100 ms (on the manual clock, so the timers
/// of the topology see it) and emits one tracked tuple. Before each call it waits, in real time, until the
/// acker has completed every tree but the one just emitted — which happens only if the previous call's emit
/// left the executor at once and its acks come back between calls; if that never happens it gives up
/// waiting and records it, and the trees then time out on the manual clock.
/// </summary>
internal sealed class SlowSpout(SlowSpout.State state) : BaseRichSpout
{
    private SpoutOutputCollector _collector = null!;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        var n = state.Emitted;
        if (n >= state.Limit)
        {
            return;
        }

        if (n > 0 && !state.WaitedInVain && !SpinWait.SpinUntil(() => state.Completed() >= n, State.GiveUpAfter))
        {
            state.WaitedInVain = true;
        }

        state.Time.Advance(TimeSpan.FromMilliseconds(100));
        _collector.Emit(new Values(n), n);
        state.Emitted = n + 1;
    }

    public override void Ack(object messageId) => Interlocked.Increment(ref state.Acked);

    public override void Fail(object messageId) => Interlocked.Increment(ref state.Failed);

    public sealed class State(ManualTimeProvider time, int limit)
    {
        public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

        public ManualTimeProvider Time { get; } = time;

        public int Limit { get; } = limit;

        /// <summary>Trees the acker has completed so far (set by the test once the topology runs).</summary>
        public Func<long> Completed { get; set; } = () => 0;

        public volatile int Emitted;
        public volatile bool WaitedInVain;
        public int Acked;
        public int Failed;
    }
}
