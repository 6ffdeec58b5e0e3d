namespace Squall.ZooKeeper;

/// <summary>The client's view of its session.</summary>
public enum ConnectionState
{
    /// <summary>No server connection; the session may still be alive and the client keeps reconnecting.</summary>
    Disconnected,

    /// <summary>Connected to a server with a live session.</summary>
    Connected,

    /// <summary>The server reported the session expired: ephemeral nodes and watches are gone. Terminal.</summary>
    Expired,

    /// <summary>The client was closed. Terminal.</summary>
    Closed,
}
