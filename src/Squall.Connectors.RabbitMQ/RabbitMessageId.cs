namespace Squall.Connectors.RabbitMQ;

/// <summary>
/// A spout tuple's message id: the broker's delivery tag, valid only on the channel that delivered it, hence the
/// channel's generation. A key identifies the message across redeliveries, for counting failures.
/// </summary>
public sealed record RabbitMessageId(long Generation, ulong DeliveryTag, string Key);
