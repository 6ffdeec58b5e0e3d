using System.Text;
using RabbitMQ.Client;
using Squall.Cluster.Tests.Infrastructure;
using Squall.Testing.Servers;

namespace Squall.Cluster.Tests.Cluster;

/// <summary>
/// A YAML topology RabbitMQ → RabbitMQ (spout on one queue, publishing bolt to another) on two worker processes;
/// a worker is killed with -9 mid-stream. The supervisor restarts it, the broker requeues what the dead
/// channel held, timed-out trees replay, and in the end every queued message was processed and acked at the
/// broker: the input queue is empty with nothing unacked, and the output queue holds every message.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class RabbitMqKillTests
{
    private const int Messages = 3000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Killing_a_worker_mid_stream_loses_nothing_and_leaves_nothing_unacked()
    {
        await using var rabbit = await RabbitMqServer.StartNewAsync();
        await using var cluster = await TestCluster.StartAsync(supervisors: 1, slotsPerSupervisor: 2);
        var factory = new ConnectionFactory { Uri = rabbit.AmqpUri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await channel.QueueDeclareAsync("in", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync("out", durable: true, exclusive: false, autoDelete: false);
        var persistent = new BasicProperties { DeliveryMode = DeliveryModes.Persistent };
        for (var i = 0; i < Messages; i++)
        {
            await channel.BasicPublishAsync(string.Empty, "in", mandatory: true, persistent, Encoding.UTF8.GetBytes($"m{i:D5}"));
        }

        var yaml = Path.Combine(cluster.Dir, "relay.yaml");
        await File.WriteAllTextAsync(yaml, $$"""
            name: relay
            config:
              topology.workers: 2
              topology.max.spout.pending: 50
              topology.message.timeout.secs: 10
            spouts:
              - id: in
                className: Squall.Connectors.RabbitMQ.RabbitMqSpout
                constructorArgs: ["{{rabbit.AmqpUri}}", "in"]
            bolts:
              - id: out
                className: Squall.Connectors.RabbitMQ.RabbitMqBolt
                constructorArgs: ["{{rabbit.AmqpUri}}", "out"]
                parallelism: 2
            streams:
              - { from: in, to: out, grouping: { type: SHUFFLE } }
            """);
        var (exit, output) = await cluster.CliAsync("submit", yaml);
        exit.ShouldBe(0, output);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 2, Patience, cluster.Logs);
        await Wait.UntilAsync(async () => await channel.MessageCountAsync("out") > 300, Patience, cluster.Logs);

        var victim = cluster.WorkerPids().Values.First();
        System.Diagnostics.Process.GetProcessById(victim).Kill();   // SIGKILL: no cleanup, no goodbye to the broker

        // Idle detection: the input is drained and the output has stopped growing (replays of timed-out trees included).
        var (lastOut, stableSince) = (0u, DateTime.MaxValue);
        await Wait.UntilAsync(
            async () =>
            {
                var outCount = await channel.MessageCountAsync("out");
                if (outCount != lastOut || await channel.MessageCountAsync("in") != 0 || outCount < Messages)
                {
                    (lastOut, stableSince) = (outCount, DateTime.UtcNow);
                    return false;
                }

                return DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(15);   // longer than the 10 s message timeout
            },
            Patience,
            () => $"in drained and out stable (out: {lastOut})\n{cluster.Logs()}");
        (await cluster.CliAsync("kill", "relay", "-w", "0")).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 0, Patience, cluster.Logs);

        // With every consumer gone, an unacked delivery would be back in the queue: none is.
        (await channel.MessageCountAsync("in")).ShouldBe(0u);
        var relayed = new List<string>();
        while (await channel.BasicGetAsync("out", autoAck: true) is { } message)
        {
            relayed.Add(Encoding.UTF8.GetString(message.Body.Span));
        }

        relayed.Distinct().Count().ShouldBe(Messages, "every message reached the output");
        relayed.Distinct().Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, Messages).Select(i => $"m{i:D5}"));
    }
}
