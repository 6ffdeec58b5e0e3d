namespace Squall.Connectors.RabbitMQ;

/// <summary>Settings of a <see cref="RabbitMqBolt"/>; each default is beside its property.</summary>
public sealed record RabbitMqBoltOptions
{
    /// <summary>The broker, e.g. <c>amqp://user:password@127.0.0.1:5672/vhost</c>.</summary>
    public string Uri { get; init; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>The exchange published to ("" is the default exchange, which routes by queue name).</summary>
    public string Exchange { get; init; } = string.Empty;

    /// <summary>The routing key, unless <see cref="RoutingKeyField"/> gives one per tuple.</summary>
    public string RoutingKey { get; init; } = string.Empty;

    /// <summary>A field whose value is the routing key of each message.</summary>
    public string? RoutingKeyField { get; init; }

    /// <summary>Declare this durable queue on connect (useful with the default exchange); null declares nothing.</summary>
    public string? DeclareQueue { get; init; }

    /// <summary>The field whose value is the body (text as UTF-8, byte arrays as they are), unless <see cref="Format"/> is given. Default: the first field.</summary>
    public string? BodyField { get; init; }

    /// <summary>Turns a tuple into the message body.</summary>
    public Func<Tuple, ReadOnlyMemory<byte>>? Format { get; init; }

    /// <summary>Mark messages persistent (delivery mode 2), so a durable queue keeps them over a broker restart.</summary>
    public bool Persistent { get; init; } = true;

    /// <summary>Publishes awaiting their confirm at once; beyond it, Execute waits for the oldest.</summary>
    public int MaxInFlight { get; init; } = 256;

    /// <summary>Tick frequency: outstanding confirms are collected (and their inputs acked) at least this often.</summary>
    public int ConfirmIntervalSecs { get; init; } = 1;

    /// <summary>Throws with every problem named.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            problems.Add($"Uri '{Uri}' is not an amqp:// or amqps:// URI.");
        }

        if (MaxInFlight < 1 || ConfirmIntervalSecs < 1)
        {
            problems.Add($"MaxInFlight and ConfirmIntervalSecs must be at least 1 (are {MaxInFlight} and {ConfirmIntervalSecs}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("RabbitMqBoltOptions: " + string.Join(" ", problems));
        }
    }
}
