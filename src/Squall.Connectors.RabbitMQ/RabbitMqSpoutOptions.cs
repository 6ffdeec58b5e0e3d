using RabbitMQ.Client;

namespace Squall.Connectors.RabbitMQ;

/// <summary>Settings of a <see cref="RabbitMqSpout"/>; each default is beside its property.</summary>
public sealed record RabbitMqSpoutOptions
{
    /// <summary>The broker, e.g. <c>amqp://user:password@127.0.0.1:5672/vhost</c>.</summary>
    public string Uri { get; init; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>The queue consumed.</summary>
    public string Queue { get; init; } = string.Empty;

    /// <summary>Declare the queue (durable) on connect, with the dead-letter settings below; false when it is managed elsewhere.</summary>
    public bool DeclareQueue { get; init; } = true;

    /// <summary>The queue's <c>x-dead-letter-exchange</c> when declared here (null: none; "" is the default exchange).</summary>
    public string? DeadLetterExchange { get; init; }

    /// <summary>The queue's <c>x-dead-letter-routing-key</c> when declared here.</summary>
    public string? DeadLetterRoutingKey { get; init; }

    /// <summary>
    /// After this many failures of one message it is rejected without requeue (dead-lettered if the queue has a
    /// dead-letter exchange, else dropped by the broker); 0 requeues for ever. Messages are recognised by their
    /// <c>message-id</c> property, else by their body.
    /// </summary>
    public int MaxFailures { get; init; }

    /// <summary>Unacked deliveries the broker may push (QoS); null ties it to <c>topology.max.spout.pending</c>, else 100.</summary>
    public ushort? Prefetch { get; init; }

    /// <summary>How long to wait before reconnecting after the connection or channel is lost (doubles up to 30 s while it fails).</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The output fields; must match what <see cref="Scheme"/> returns. Default: <c>message</c>.</summary>
    public Fields OutputFields { get; init; } = new("message");

    /// <summary>Turns a delivery into tuple values; default: the body as UTF-8 text.</summary>
    public Func<ReadOnlyMemory<byte>, IReadOnlyBasicProperties, Values>? Scheme { get; init; }

    /// <summary>The clock for reconnect back-off.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws with every problem named.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Queue))
        {
            problems.Add("Queue is required.");
        }

        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            problems.Add($"Uri '{Uri}' is not an amqp:// or amqps:// URI.");
        }

        if (MaxFailures < 0)
        {
            problems.Add($"MaxFailures cannot be negative (is {MaxFailures}).");
        }

        if (Prefetch == 0)
        {
            problems.Add("Prefetch must be at least 1 (leave it unset to follow topology.max.spout.pending).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("RabbitMqSpoutOptions: " + string.Join(" ", problems));
        }
    }
}
