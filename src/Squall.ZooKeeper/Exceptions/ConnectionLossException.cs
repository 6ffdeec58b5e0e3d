namespace Squall.ZooKeeper;

/// <summary>The connection dropped before the reply arrived; the operation may or may not have been applied.</summary>
public sealed class ConnectionLossException : ZooKeeperException
{
    public ConnectionLossException()
        : this((string?)null)
    {
    }

    public ConnectionLossException(string? path)
        : base(ErrorCode.ConnectionLoss, path)
    {
    }

    public ConnectionLossException(string message, Exception? innerException)
        : base(ErrorCode.ConnectionLoss, message, innerException)
    {
    }
}
