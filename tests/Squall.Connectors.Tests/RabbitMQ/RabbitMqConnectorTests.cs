using System.Collections.Concurrent;
using Squall.Connectors.RabbitMQ;
using Squall.Connectors.Tests.Support;
using Squall.Runtime;

namespace Squall.Connectors.Tests.RabbitMQ;

/// <summary>The RabbitMQ spout and bolt against a real broker (Debian's rabbitmq-server, started by the fixture).</summary>
[Trait("Category", "Integration")]
[Collection("rabbitmq")]
public sealed class RabbitMqConnectorTests(RabbitFixture rabbit)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_message_is_emitted_and_acked_at_the_broker_and_failed_ones_come_back()
    {
        var queue = RabbitFixture.NewQueue("in");
        var messages = Enumerable.Range(0, 200).Select(i => $"message {i}").ToList();
        await rabbit.PublishAsync(queue, messages);
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("rabbit", () => new RabbitMqSpout(rabbit.Uri, queue));
        builder.SetBolt("fail-once", () => new FailOnceBolt(), 2).FieldsGrouping("rabbit", new Fields("message"));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("fail-once");

        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology("rabbit-in", new Config { MaxSpoutPending = 50 }, builder.CreateTopology());
            Wait.Until(() => sink.Count >= 200, $"200 messages through (have {sink.Count})", Patience);
            cluster.GetErrors("rabbit-in").ShouldBeEmpty();
            await cluster.KillTopologyAsync("rabbit-in", 0);
        }

        sink.All.Select(r => (string)r.Values[0]!).Order(StringComparer.Ordinal).ShouldBe(messages.Order(StringComparer.Ordinal));
        (await rabbit.ReadyAsync(queue)).ShouldBe(0u, "every message was acked: none came back when the spout's connection closed");
    }

    [Fact]
    public async Task A_message_failing_max_failures_times_is_dead_lettered_and_the_others_acked()
    {
        var queue = RabbitFixture.NewQueue("work");
        var dead = RabbitFixture.NewQueue("dead");
        await rabbit.PublishAsync(dead, []);
        var messages = Enumerable.Range(0, 30).Select(i => i % 10 == 0 ? $"poison {i}" : $"good {i}").ToList();
        await rabbit.PublishAsync(queue, messages, new Dictionary<string, object?> { ["x-dead-letter-exchange"] = string.Empty, ["x-dead-letter-routing-key"] = dead });
        var sink = new CaptureSink();
        var options = new RabbitMqSpoutOptions { Uri = rabbit.Uri, Queue = queue, MaxFailures = 3, DeadLetterExchange = string.Empty, DeadLetterRoutingKey = dead };
        var builder = new TopologyBuilder();
        builder.SetSpout("rabbit", () => new RabbitMqSpout(options));
        builder.SetBolt("poison", () => new PoisonBolt()).ShuffleGrouping("rabbit");
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("poison");

        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology("rabbit-dlx", new Config { MaxSpoutPending = 10 }, builder.CreateTopology());
            Wait.Until(() => sink.Count >= 27, $"27 good messages (have {sink.Count})", Patience);
            await Wait.UntilAsync(async () => await rabbit.ReadyAsync(dead) == 3, Patience, () => "3 poison messages dead-lettered");
            await cluster.KillTopologyAsync("rabbit-dlx", 0);
        }

        (await rabbit.DrainAsync(dead)).Order(StringComparer.Ordinal).ShouldBe(["poison 0", "poison 10", "poison 20"]);
        (await rabbit.ReadyAsync(queue)).ShouldBe(0u);
    }

    [Fact]
    public async Task The_prefetch_follows_max_spout_pending()
    {
        var queue = RabbitFixture.NewQueue("prefetch");
        await rabbit.PublishAsync(queue, Enumerable.Range(0, 50).Select(i => $"m{i}"));
        var held = new ConcurrentQueue<string>();
        var builder = new TopologyBuilder();
        builder.SetSpout("rabbit", () => new RabbitMqSpout(rabbit.Uri, queue));
        builder.SetBolt("hold", () => new HoldBolt(held)).ShuffleGrouping("rabbit");

        using var cluster = new LocalCluster();
        cluster.SubmitTopology("rabbit-qos", new Config { MaxSpoutPending = 7 }, builder.CreateTopology());
        Wait.Until(() => held.Count == 7, "7 messages held", Patience);
        await Wait.UntilAsync(async () => await rabbit.ReadyAsync(queue) == 43, Patience, () => "43 messages still ready at the broker");
        held.Count.ShouldBe(7);
        await cluster.KillTopologyAsync("rabbit-qos", 0);
        await Wait.UntilAsync(async () => await rabbit.ReadyAsync(queue) == 50, Patience, () => "the 7 unacked deliveries back in the queue");
    }

    [Fact]
    public async Task After_the_broker_restarts_the_spout_reconnects_and_nothing_is_lost()
    {
        var queue = RabbitFixture.NewQueue("restart");
        var messages = Enumerable.Range(0, 400).Select(i => $"m{i:D3}").ToList();
        await rabbit.PublishAsync(queue, messages);
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("rabbit", () => new RabbitMqSpout(new RabbitMqSpoutOptions { Uri = rabbit.Uri, Queue = queue, ReconnectDelay = TimeSpan.FromMilliseconds(200) }));
        builder.SetBolt("slow", () => new SlowBolt(TimeSpan.FromMilliseconds(5))).ShuffleGrouping("rabbit");
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("slow");

        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology("rabbit-restart", new Config { MaxSpoutPending = 20 }, builder.CreateTopology());
            Wait.Until(() => sink.Count >= 50, "some messages through before the restart", Patience);
            await rabbit.Server.KillAsync();
            await rabbit.Server.StartAsync();
            Wait.Until(() => sink.All.Select(r => (string)r.Values[0]!).Distinct().Count() == 400, $"all 400 distinct messages through (have {sink.Count})", Patience);
            await Wait.UntilAsync(async () => await rabbit.ReadyAsync(queue) == 0, Patience, () => "queue empty");
            await cluster.KillTopologyAsync("rabbit-restart", 0);
        }

        (await rabbit.ReadyAsync(queue)).ShouldBe(0u, "everything acked on the new channel; nothing requeued at the end");
        sink.All.Select(r => (string)r.Values[0]!).Distinct().Order(StringComparer.Ordinal).ShouldBe(messages);
    }

    [Fact]
    public async Task The_bolt_acks_its_inputs_after_the_broker_confirmed_them()
    {
        var queue = RabbitFixture.NewQueue("out");
        var log = new SpoutLog();
        var values = Enumerable.Range(0, 300).Select(i => new Values($"out {i}")).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(values, new Fields("text"), log));
        builder.SetBolt("publish", () => new RabbitMqBolt(rabbit.Uri, queue), 2).ShuffleGrouping("numbers");

        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology("rabbit-out", new Config(), builder.CreateTopology());
            Wait.Until(() => log.AckCount == 300, $"300 inputs acked (have {log.AckCount})", Patience);
            log.Fails.ShouldBeEmpty();
            await cluster.KillTopologyAsync("rabbit-out", 0);
        }

        (await rabbit.DrainAsync(queue)).Order(StringComparer.Ordinal).ShouldBe(values.Select(v => (string)v[0].AsObject()!).Order(StringComparer.Ordinal));
    }
}
