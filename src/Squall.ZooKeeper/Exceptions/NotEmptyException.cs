namespace Squall.ZooKeeper;

/// <summary>The node has children, so it cannot be deleted.</summary>
public sealed class NotEmptyException : ZooKeeperException
{
    public NotEmptyException()
        : this((string?)null)
    {
    }

    public NotEmptyException(string? path)
        : base(ErrorCode.NotEmpty, path)
    {
    }

    public NotEmptyException(string message, Exception? innerException)
        : base(ErrorCode.NotEmpty, message, innerException)
    {
    }
}
