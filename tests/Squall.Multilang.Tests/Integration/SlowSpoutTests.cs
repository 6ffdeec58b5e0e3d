using System.Collections.Concurrent;
using Squall.Runtime;
using Squall.Testing;

namespace Squall.Multilang.Tests.Integration;

/// <summary>
/// A slow spout child (100 ms per next, like every storm-starter spout) delivers each tuple as it is made and
/// gets its acks in time: as in Storm 2, emits leave within the flush interval and acks are taken between
/// NextTuple calls, so a burst of slow calls never holds tuples back past the message timeout.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SlowSpoutTests
{
    [Fact]
    public void A_spout_child_taking_100_ms_per_next_gets_every_tuple_acked_within_a_5_s_message_timeout()
    {
        // 100 tuples take 10 s to make; held back for a burst of 64 calls, the first would wait 6.4 s for
        // delivery and time out. Delivered as made, each completes in milliseconds.
        const int sentences = 100;
        var sink = new CaptureSink();
        var logs = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<ComponentError>();
        using var allAcked = new ManualResetEventSlim();
        var builder = new TopologyBuilder();
        builder.SetSpout("slow", () => new ShellSpout("python3", "slow_spout.py").Declare("sentence").OnLog(e =>
        {
            logs.Enqueue(e.Message);
            if (e.Message == $"all {sentences} acked")
            {
                allAcked.Set();
            }
        }));
        builder.SetBolt("sink", () => new CaptureBolt(sink)).ShuffleGrouping("slow");
        var conf = new Config { ["test.sentences"] = sentences, [Config.TopologyMessageTimeoutSecs] = 5 };
        using (var cluster = new LocalCluster(new LocalClusterOptions { OnError = errors.Enqueue }))
        {
            cluster.SubmitTopology("slow-spout", conf, builder.CreateTopology());
            Wait.Until(() => allAcked.IsSet || logs.Any(Failed), "every tuple acked, or a first fail", TimeSpan.FromSeconds(120));
            allAcked.IsSet.ShouldBeTrue(
                $"not every tuple was acked; spout log: {string.Join(", ", logs.Where(Failed).Take(20))}; errors: {string.Join("\n", errors)}");
            cluster.KillTopology("slow-spout");
        }

        logs.Where(Failed).ShouldBeEmpty("no tuple may time out");
        errors.ShouldBeEmpty();
        sink.Count.ShouldBe(sentences);

        static bool Failed(string line) => line.StartsWith("failed", StringComparison.Ordinal);
    }
}
