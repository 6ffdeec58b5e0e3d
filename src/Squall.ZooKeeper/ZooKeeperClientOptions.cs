namespace Squall.ZooKeeper;

/// <summary>Settings for <see cref="ZooKeeperClient.ConnectAsync(ZooKeeperClientOptions, CancellationToken)"/>.</summary>
public sealed record ZooKeeperClientOptions
{
    /// <summary><c>host:port,host:port/chroot</c>; the chroot is optional.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Requested session timeout; the server clamps it to its own bounds (2 to 20 ticks by default).</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long ConnectAsync waits for the first session before giving up.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Credentials presented on every connection, before any request (so they survive reconnects).</summary>
    public IReadOnlyList<ZooKeeperAuth> Auth { get; init; } = [];

    /// <summary>The ACL of every node this client creates unless a call names another (default: open to all).</summary>
    public IReadOnlyList<ZooKeeperAcl> DefaultAcl { get; init; } = ZooKeeperAcl.Open;

    /// <summary>Drives pings, read timeouts and reconnect backoff; tests may substitute a fake.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(SessionTimeout, TimeSpan.FromMilliseconds(100));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Auth);
        if (DefaultAcl is null || DefaultAcl.Count == 0)
        {
            throw new ArgumentException("DefaultAcl must hold at least one entry.", nameof(DefaultAcl));
        }
    }
}
