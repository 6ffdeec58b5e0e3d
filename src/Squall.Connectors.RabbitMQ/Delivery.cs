namespace Squall.Connectors.RabbitMQ;

/// <summary>A delivery handed from the client's consumer thread to the spout's executor thread (its body copied: the client reuses its buffer).</summary>
internal sealed record Delivery(long Generation, ulong DeliveryTag, string Key, Values? Values);
