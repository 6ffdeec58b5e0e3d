namespace Squall.ZooKeeper;

/// <summary>The node already exists.</summary>
public sealed class NodeExistsException : ZooKeeperException
{
    public NodeExistsException()
        : this((string?)null)
    {
    }

    public NodeExistsException(string? path)
        : base(ErrorCode.NodeExists, path)
    {
    }

    public NodeExistsException(string message, Exception? innerException)
        : base(ErrorCode.NodeExists, message, innerException)
    {
    }
}
