namespace Squall.ZooKeeper;

/// <summary>Raised, in order, each time the client's <see cref="ConnectionState"/> changes.</summary>
public sealed class ConnectionStateChangedEventArgs(ConnectionState state, long sessionId) : EventArgs
{
    public ConnectionState State { get; } = state;

    public long SessionId { get; } = sessionId;
}
