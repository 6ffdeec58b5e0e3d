namespace Squall.ZooKeeper;

/// <summary>The server rejected the ACL.</summary>
public sealed class InvalidAclException : ZooKeeperException
{
    public InvalidAclException()
        : this((string?)null)
    {
    }

    public InvalidAclException(string? path)
        : base(ErrorCode.InvalidAcl, path)
    {
    }

    public InvalidAclException(string message, Exception? innerException)
        : base(ErrorCode.InvalidAcl, message, innerException)
    {
    }
}
