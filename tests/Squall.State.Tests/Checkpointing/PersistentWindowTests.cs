using Squall.State.Tests.Topologies;
using Squall.Testing;
using Squall.Testing.Servers;
using Squall.Windowing;

namespace Squall.State.Tests.Checkpointing;

/// <summary>
/// A stateful windowed bolt with <c>WithPersistence()</c>: its window is saved with each checkpoint, its tuples are acked once
/// saved, and a rollback or a restart brings back exactly the window that was committed. The manual clock decides when
/// checkpoints happen (one per advance of the interval), so each step is deterministic.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PersistentWindowTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_rollback_restores_the_committed_window_and_the_replayed_tuple_is_not_counted_twice()
    {
        var time = new ManualTimeProvider();
        var feeder = new FeederSpout(new Fields("n"));
        var recorder = new WindowRecorder();
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = time, OnError = null });
        cluster.SubmitTopology("persistent-rollback", Conf("memory", null), Topology(feeder, recorder));
        Wait.Until(() => recorder.Commits >= 1, "the first checkpoint, right after recovery");

        Feed(feeder, recorder, 1, 2, 3);
        feeder.Acked.ShouldBeEmpty(); // in the window and not yet saved
        Checkpoint(time, recorder);
        Wait.UntilEqual(() => feeder.Acked.Count, 3, "1, 2, 3 acked once saved, while still in the window");

        Feed(feeder, recorder, 4); // its ack is held: no checkpoint saved it yet
        recorder.FailNextPrepare();
        time.Advance(Interval);
        Wait.Until(() => feeder.Failed.Any(f => (int)f.MessageId == 4), "4 failed by the rollback");

        Feed(feeder, recorder, 4, 5); // the spout replays 4
        recorder.Activations.ShouldBe([
            "1|1|", "12|2|", "123|3|", "1234|4|",
            "1234|4|", // the committed window 1, 2, 3 came back; without it this would be 12344
            "12345|5|",
        ]);
        Checkpoint(time, recorder);
        Wait.UntilEqual(() => string.Join(',', feeder.Acked.Order()), "1,2,3,4,5", "4 and 5 acked at the next commit");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("redis")]
    public async Task A_resubmitted_topology_resumes_the_window_the_killed_one_committed(string provider)
    {
        await using var server = provider == "postgres" ? (IAsyncDisposable)await PostgresServer.StartNewAsync() : await RedisServer.StartNewAsync();
        var conf = Conf(provider, server);
        var time = new ManualTimeProvider();
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = time, OnError = null });

        var firstFeeder = new FeederSpout(new Fields("n"));
        var first = new WindowRecorder();
        cluster.SubmitTopology("persistent", conf, Topology(firstFeeder, first));
        Wait.Until(() => first.Commits >= 1, "the first checkpoint, right after recovery");
        Feed(firstFeeder, first, 1, 2, 3, 4, 5, 6);
        Checkpoint(time, first);
        Wait.UntilEqual(() => firstFeeder.Acked.Count, 6, "every tuple acked once saved");
        cluster.KillTopology("persistent");

        var secondFeeder = new FeederSpout(new Fields("n"));
        var second = new WindowRecorder();
        cluster.SubmitTopology("persistent", conf, Topology(secondFeeder, second));
        Feed(secondFeeder, second, 7, 8);

        first.Activations[^1].ShouldBe("23456|6|1");
        second.Activations.ShouldBe(["34567|7|2", "45678|8|3"]); // 3, 4, 5, 6 outlived the first topology
    }

    [Fact]
    public void A_persistent_window_may_outlast_the_message_timeout_but_the_checkpoint_interval_may_not()
    {
        var longWindow = new TopologyBuilder();
        longWindow.SetSpout("numbers", () => new FeederSpout(new Fields("n")));
        longWindow.SetBolt("window", () => new RecordingWindowBolt(new WindowRecorder()).WithPersistence()
            .WithWindow(Duration.Minutes(10), Duration.Minutes(1))).ShuffleGrouping("numbers");
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = new ManualTimeProvider(), OnError = null });
        cluster.SubmitTopology("long", new Config(), longWindow.CreateTopology()); // 11 minutes held, timeout 30 s: fine

        var error = Should.Throw<InvalidTopologyException>(() => cluster.SubmitTopology(
            "slow-checkpoints", new Config { [Config.TopologyStateCheckpointIntervalMs] = 60_000 }, longWindow.CreateTopology()));
        error.Message.ShouldContain("its window is persistent");
        error.Message.ShouldContain("topology.state.checkpoint.interval.ms (60000 ms) is more than topology.message.timeout.secs (30 s)");
    }

    private static StormTopology Topology(FeederSpout feeder, WindowRecorder recorder)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => feeder);
        builder.SetBolt("window", () => new RecordingWindowBolt(recorder).WithPersistence().WithWindow(new Count(5), new Count(1)))
            .ShuffleGrouping("numbers");
        return builder.CreateTopology();
    }

    private static Config Conf(string provider, IAsyncDisposable? server) => new()
    {
        [Config.TopologyStateCheckpointIntervalMs] = (int)Interval.TotalMilliseconds,
        [Config.TopologyStateProvider] = provider,
        [Config.TopologyStateProviderConfig] = server switch
        {
            PostgresServer pg => $$"""{"connectionString": "{{pg.ConnectionString}}"}""",
            RedisServer redis => $$"""{"configuration": "{{redis.ConnectionString}}"}""",
            _ => null,
        },
    };

    /// <summary>Feeds each number and waits until the window has seen it (one activation per tuple: slide 1).</summary>
    private static void Feed(FeederSpout feeder, WindowRecorder recorder, params int[] numbers)
    {
        foreach (var n in numbers)
        {
            var seen = recorder.Activations.Count;
            feeder.Feed(new Values(n), n);
            Wait.UntilEqual(() => recorder.Activations.Count, seen + 1, $"the window activated with {n}");
        }
    }

    /// <summary>Moves the clock one interval: the checkpoint spout starts one checkpoint; waits for its commit.</summary>
    private static void Checkpoint(ManualTimeProvider time, WindowRecorder recorder)
    {
        var commits = recorder.Commits;
        time.Advance(Interval);
        Wait.Until(() => recorder.Commits > commits, "the checkpoint committed");
    }
}
