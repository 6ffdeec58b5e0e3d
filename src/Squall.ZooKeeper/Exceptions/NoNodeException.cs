namespace Squall.ZooKeeper;

/// <summary>The node does not exist.</summary>
public sealed class NoNodeException : ZooKeeperException
{
    public NoNodeException()
        : this((string?)null)
    {
    }

    public NoNodeException(string? path)
        : base(ErrorCode.NoNode, path)
    {
    }

    public NoNodeException(string message, Exception? innerException)
        : base(ErrorCode.NoNode, message, innerException)
    {
    }
}
