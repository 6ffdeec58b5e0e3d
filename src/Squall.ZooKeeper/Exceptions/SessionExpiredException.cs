namespace Squall.ZooKeeper;

/// <summary>The session expired: its ephemeral nodes and watches are gone, and the client must be replaced.</summary>
public sealed class SessionExpiredException : ZooKeeperException
{
    public SessionExpiredException()
        : this((string?)null)
    {
    }

    public SessionExpiredException(string? path)
        : base(ErrorCode.SessionExpired, path)
    {
    }

    public SessionExpiredException(string message, Exception? innerException)
        : base(ErrorCode.SessionExpired, message, innerException)
    {
    }
}
