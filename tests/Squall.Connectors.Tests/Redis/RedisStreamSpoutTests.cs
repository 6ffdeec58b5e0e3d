using Squall.Connectors.Redis;
using Squall.Runtime;
using Squall.Testing.Servers;
using StackExchange.Redis;

namespace Squall.Connectors.Tests.Redis;

/// <summary>The Redis Streams spout against a real redis-server.</summary>
[Trait("Category", "Integration")]
public sealed class RedisStreamSpoutTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Entries_are_emitted_acked_with_XACK_and_entries_a_crashed_consumer_left_pending_are_claimed()
    {
        await using var server = await RedisServer.StartNewAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        for (var i = 0; i < 100; i++)
        {
            await db.StreamAddAsync("events", "message", $"e{i:D3}");
        }

        // A consumer of the group took 10 entries and crashed before acking them.
        await db.StreamCreateConsumerGroupAsync("events", "g", StreamPosition.Beginning);
        (await db.StreamReadGroupAsync("events", "g", "crashed", StreamPosition.NewMessages, 10)).Length.ShouldBe(10);

        var sink = new CaptureSink();
        var options = new RedisStreamSpoutOptions
        {
            Configuration = server.ConnectionString,
            Stream = "events",
            Group = "g",
            ClaimIdleTime = TimeSpan.FromMilliseconds(500),
            ClaimInterval = TimeSpan.FromMilliseconds(200),
        };
        var builder = new TopologyBuilder();
        builder.SetSpout("redis", () => new RedisStreamSpout(options));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("redis");
        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology("redis-in", new Config { MaxSpoutPending = 20 }, builder.CreateTopology());
            Wait.Until(() => sink.All.Select(r => r.Values[1]).Distinct().Count() == 100, $"all 100 entries (have {sink.Count})", Patience);
            await Wait.UntilAsync(async () => (await db.StreamPendingAsync("events", "g")).PendingMessageCount == 0, Patience, () => "no entry pending in the group");
            cluster.GetErrors("redis-in").ShouldBeEmpty();
            await cluster.KillTopologyAsync("redis-in", 0);
        }

        sink.All.Select(r => (string)r.Values[1]!).Distinct().Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, 100).Select(i => $"e{i:D3}"));
    }

    [Fact]
    public async Task A_restarted_task_re_reads_its_own_pending_entries_first()
    {
        await using var server = await RedisServer.StartNewAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        for (var i = 0; i < 5; i++)
        {
            await db.StreamAddAsync("s", "message", $"m{i}");
        }

        await db.StreamCreateConsumerGroupAsync("s", "g", StreamPosition.Beginning);
        // The previous incarnation of task 0 ("redis-0") read three entries and died.
        (await db.StreamReadGroupAsync("s", "g", "redis-0", StreamPosition.NewMessages, 3)).Length.ShouldBe(3);

        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("redis", () => new RedisStreamSpout(new RedisStreamSpoutOptions { Configuration = server.ConnectionString, Stream = "s", Group = "g", BatchSize = 2 }));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("redis");
        using var cluster = new LocalCluster();
        cluster.SubmitTopology("redis-restart", new Config(), builder.CreateTopology());
        Wait.Until(() => sink.Count >= 5, "5 entries", Patience);
        await Wait.UntilAsync(async () => (await db.StreamPendingAsync("s", "g")).PendingMessageCount == 0, Patience, () => "nothing pending");
        await cluster.KillTopologyAsync("redis-restart", 0);

        sink.All.Select(r => (string)r.Values[1]!).ShouldBe(["m0", "m1", "m2", "m3", "m4"], "own pending first, in order, each once");
    }
}
