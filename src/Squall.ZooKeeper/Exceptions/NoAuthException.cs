namespace Squall.ZooKeeper;

/// <summary>The session lacks the permission the node's ACL requires.</summary>
public sealed class NoAuthException : ZooKeeperException
{
    public NoAuthException()
        : this((string?)null)
    {
    }

    public NoAuthException(string? path)
        : base(ErrorCode.NoAuth, path)
    {
    }

    public NoAuthException(string message, Exception? innerException)
        : base(ErrorCode.NoAuth, message, innerException)
    {
    }
}
