using System.Text;
using RabbitMQ.Client;
using Squall.Testing.Servers;

namespace Squall.Connectors.Tests.RabbitMQ;

/// <summary>One real broker for the RabbitMQ tests (it takes some seconds to boot); each test uses queues of its own.</summary>
public sealed class RabbitFixture : IAsyncLifetime
{
    public RabbitMqServer Server { get; private set; } = null!;

    public string Uri => Server.AmqpUri.ToString();

    public async Task InitializeAsync() => Server = await RabbitMqServer.StartNewAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static string NewQueue(string what) => $"{what}-{Guid.NewGuid():N}";

    public async Task<IConnection> ConnectAsync() => await new ConnectionFactory { Uri = Server.AmqpUri }.CreateConnectionAsync();

    /// <summary>Declares <paramref name="queue"/> (durable) and publishes each message persistently, with confirms.</summary>
    public async Task PublishAsync(string queue, IEnumerable<string> messages, IDictionary<string, object?>? arguments = null)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments);
        var properties = new BasicProperties { DeliveryMode = DeliveryModes.Persistent };
        foreach (var message in messages)
        {
            await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, Encoding.UTF8.GetBytes(message));
        }
    }

    /// <summary>Ready messages in <paramref name="queue"/> (unacked deliveries are not counted).</summary>
    public async Task<uint> ReadyAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.MessageCountAsync(queue);
    }

    /// <summary>Takes every ready message of <paramref name="queue"/>.</summary>
    public async Task<List<string>> DrainAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var messages = new List<string>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
        {
            messages.Add(Encoding.UTF8.GetString(result.Body.Span));
        }

        return messages;
    }
}

[CollectionDefinition("rabbitmq")]
public sealed class RabbitCollection : ICollectionFixture<RabbitFixture>;
