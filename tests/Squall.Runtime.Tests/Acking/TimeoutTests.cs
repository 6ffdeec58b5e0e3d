using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Acking;

/// <summary>
/// Message timeouts on the manual clock. With a timeout T, the buckets rotate every T/4 and a tree expires on
/// the fifth rotation after it started: between T and 1.25 T. After each step the test waits for the spout's
/// executor to go round twice, so every rotation posted so far has been handled before it looks.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TimeoutTests
{
    private const int TimeoutSecs = 4;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_tree_nobody_acks_fails_as_timed_out_between_T_and_one_and_a_quarter_T()
    {
        var log = new SpoutLog();
        var state = new HoldingBolt.State();
        var time = new ManualTimeProvider();
        using var cluster = Clusters.Create(time);
        cluster.SubmitTopology("timeout", Clusters.Conf((Config.TopologyMessageTimeoutSecs, TimeoutSecs)), Topology(log, state, tickFreqSecs: null));
        Wait.Until(() => Volatile.Read(ref state.Received) == 1, "the tuple reached the holding bolt");

        for (var second = 1; second <= TimeoutSecs; second++)
        {
            time.Advance(Step);
            log.WaitForNextTupleCalls();
            log.Fails.ShouldBeEmpty($"no timeout yet at {second} s");
        }

        time.Advance(Step);
        Wait.Until(() => log.Fails.Count > 0, "the timeout at 1.25 T");
        cluster.KillTopology("timeout");

        var (messageId, reason) = log.Fails.ShouldHaveSingleItem();
        messageId.ShouldBe(0);
        reason.ShouldBe(FailureReason.TimedOut(TimeoutSecs));
        reason!.Kind.ShouldBe(FailureKind.TimedOut);
        log.AckCount.ShouldBe(0);
    }

    [Fact]
    public void ResetTimeout_keeps_a_tree_alive_past_twice_the_timeout()
    {
        // Timeout rotations are control messages, handled before queued data; so the test resets far more often
        // than the buckets rotate (every second against every 5 s), and after each tick waits until the acker
        // has handled that tick's reset, so no executor can fall several rotations behind its resets.
        const int timeoutSecs = 20;
        var log = new SpoutLog();
        var state = new HoldingBolt.State { ResetTimeouts = true };
        var time = new ManualTimeProvider();
        using var cluster = Clusters.Create(time);
        cluster.SubmitTopology("reset", Clusters.Conf((Config.TopologyMessageTimeoutSecs, timeoutSecs)), Topology(log, state, tickFreqSecs: 1));
        Wait.Until(() => Volatile.Read(ref state.Received) == 1, "the tuple reached the holding bolt");
        Wait.UntilEqual(() => AckerMessages(cluster, "reset"), 1, "the acker saw the tree's init");

        for (var second = 1; second <= (2 * timeoutSecs) + 1; second++)
        {
            time.Advance(Step);
            var ticks = second;
            Wait.Until(() => Volatile.Read(ref state.Ticks) == ticks, $"tick {ticks} handled");
            Wait.UntilEqual(() => AckerMessages(cluster, "reset"), 1 + ticks, $"the reset of tick {ticks} reached the acker");
            log.WaitForNextTupleCalls();
            log.Fails.ShouldBeEmpty($"still alive at {second} s: {string.Join(", ", log.Fails)}");
        }

        Volatile.Write(ref state.Release, true);
        time.Advance(Step);
        Wait.Until(() => log.AckCount == 1, "the ack after release");
        cluster.KillTopology("reset");

        log.Fails.ShouldBeEmpty();
        log.Acks.Keys.ShouldBe([0]);
    }

    private static long AckerMessages(LocalCluster cluster, string name) =>
        cluster.GetStats(name).Single(s => s.ComponentId == Constants.AckerComponentId).Executed;

    private static StormTopology Topology(SpoutLog log, HoldingBolt.State state, int? tickFreqSecs)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(1), new Fields("n"), log));
        builder.SetBolt("hold", () => new HoldingBolt(state, tickFreqSecs)).ShuffleGrouping("spout");
        return builder.CreateTopology();
    }
}
