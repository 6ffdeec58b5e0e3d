using RabbitMQ.Client;

namespace Squall.Connectors.RabbitMQ;

/// <summary>
/// Opens connections without the client's automatic recovery: a recovered channel numbers deliveries afresh,
/// so an ack meant for an old delivery tag could hit a new message. The spout and bolt reconnect themselves,
/// with a new generation, and drop what belonged to the old channel (the broker requeues it).
/// </summary>
internal static class RabbitConnections
{
    public static async Task<IConnection> ConnectAsync(string uri, string name)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(uri),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            ClientProvidedName = name,
        };
        return await factory.CreateConnectionAsync().ConfigureAwait(false);
    }

    public static void CloseQuietly(IChannel? channel, IConnection? connection)
    {
        try
        {
            channel?.Dispose();
            connection?.Dispose();
        }
        catch (Exception e) when (e is IOException or global::RabbitMQ.Client.Exceptions.RabbitMQClientException or ObjectDisposedException or OperationCanceledException)
        {
            // Already broken: nothing to close.
        }
    }
}
