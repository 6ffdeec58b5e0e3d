namespace Squall.ZooKeeper;

/// <summary>
/// A ZooKeeper error reply. Codes that callers branch on have their own subclass (NoNodeException, ...);
/// others arrive as this type with <see cref="Code"/> set.
/// </summary>
public class ZooKeeperException : Exception
{
    public ZooKeeperException()
        : this(ErrorCode.SystemError, null)
    {
    }

    public ZooKeeperException(string message)
        : this(message, null)
    {
    }

    public ZooKeeperException(string message, Exception? innerException)
        : this(ErrorCode.SystemError, message, innerException)
    {
    }

    protected ZooKeeperException(ErrorCode code, string message, Exception? innerException)
        : base(message, innerException) => Code = code;

    public ZooKeeperException(ErrorCode code, string? path)
        : base(Describe(code, path))
    {
        Code = code;
        Path = path;
    }

    public ErrorCode Code { get; }

    /// <summary>The node the failed operation was about, relative to the chroot, when known.</summary>
    public string? Path { get; }

    /// <summary>For a failed multi: one result per operation, in order; the failing ones carry their error.</summary>
    public IReadOnlyList<OpResult>? Results { get; internal set; }

    internal static ZooKeeperException Create(ErrorCode code, string? path) => code switch
    {
        ErrorCode.NoNode => new NoNodeException(path),
        ErrorCode.NodeExists => new NodeExistsException(path),
        ErrorCode.BadVersion => new BadVersionException(path),
        ErrorCode.NotEmpty => new NotEmptyException(path),
        ErrorCode.NoChildrenForEphemerals => new NoChildrenForEphemeralsException(path),
        ErrorCode.SessionExpired => new SessionExpiredException(),
        ErrorCode.ConnectionLoss => new ConnectionLossException(),
        ErrorCode.InvalidAcl => new InvalidAclException(path),
        ErrorCode.NoAuth => new NoAuthException(path),
        ErrorCode.BadArguments => new BadArgumentsException(path),
        _ => new ZooKeeperException(code, path),
    };

    private static string Describe(ErrorCode code, string? path) =>
        path is null ? $"ZooKeeper error {code} ({(int)code})." : $"ZooKeeper error {code} ({(int)code}) for {path}.";
}
