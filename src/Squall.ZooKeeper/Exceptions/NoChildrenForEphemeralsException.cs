namespace Squall.ZooKeeper;

/// <summary>Ephemeral nodes cannot have children.</summary>
public sealed class NoChildrenForEphemeralsException : ZooKeeperException
{
    public NoChildrenForEphemeralsException()
        : this((string?)null)
    {
    }

    public NoChildrenForEphemeralsException(string? path)
        : base(ErrorCode.NoChildrenForEphemerals, path)
    {
    }

    public NoChildrenForEphemeralsException(string message, Exception? innerException)
        : base(ErrorCode.NoChildrenForEphemerals, message, innerException)
    {
    }
}
