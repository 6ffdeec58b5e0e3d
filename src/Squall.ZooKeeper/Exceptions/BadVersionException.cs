namespace Squall.ZooKeeper;

/// <summary>The expected version did not match the node's version.</summary>
public sealed class BadVersionException : ZooKeeperException
{
    public BadVersionException()
        : this((string?)null)
    {
    }

    public BadVersionException(string? path)
        : base(ErrorCode.BadVersion, path)
    {
    }

    public BadVersionException(string message, Exception? innerException)
        : base(ErrorCode.BadVersion, message, innerException)
    {
    }
}
