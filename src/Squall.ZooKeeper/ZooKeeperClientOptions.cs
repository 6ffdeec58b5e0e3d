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

    /// <summary>Drives pings, read timeouts and reconnect backoff; tests may substitute a fake.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(SessionTimeout, TimeSpan.FromMilliseconds(100));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
