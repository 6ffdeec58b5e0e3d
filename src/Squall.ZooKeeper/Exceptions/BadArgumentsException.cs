namespace Squall.ZooKeeper;

/// <summary>The server rejected the request's arguments.</summary>
public sealed class BadArgumentsException : ZooKeeperException
{
    public BadArgumentsException()
        : this((string?)null)
    {
    }

    public BadArgumentsException(string? path)
        : base(ErrorCode.BadArguments, path)
    {
    }

    public BadArgumentsException(string message, Exception? innerException)
        : base(ErrorCode.BadArguments, message, innerException)
    {
    }
}
