using Squall.ZooKeeper;

namespace Squall.Cluster.Configuration;

/// <summary>Where the cluster's ZooKeeper is, and the root under which Squall keeps its nodes.</summary>
internal sealed record ZooKeeperOptions
{
    public IReadOnlyList<string> Servers { get; init; } = ["127.0.0.1"];

    public int Port { get; init; } = 2181;

    /// <summary>Every node Squall writes lives under this path, so clusters can share one ensemble.</summary>
    public string Root { get; init; } = "/squall";

    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>storm.zookeeper.auth.scheme</c>: only <c>digest</c> is supported.</summary>
    public string AuthScheme { get; init; } = "digest";

    /// <summary>
    /// <c>storm.zookeeper.auth.payload</c> (<c>user:password</c>): the daemons' ZooKeeper identity. Every node
    /// they create is readable and writable with it only; null leaves nodes open (never for daemons).
    /// </summary>
    public string? AuthPayload { get; init; }

    /// <summary>The ACL of the nodes the daemons create: everything for the daemons' digest identity, nothing for anyone else.</summary>
    public IReadOnlyList<ZooKeeperAcl> Acl => AuthPayload is null ? ZooKeeperAcl.Open : [ZooKeeperAcl.Digest(AuthPayload, ZooKeeperPermissions.All)];

    public string ConnectionString => string.Join(',', Servers.Select(s => s.Contains(':', StringComparison.Ordinal) ? s : $"{s}:{Port}"));

    public static ZooKeeperOptions FromConfig(Config conf) => new()
    {
        Servers = conf.GetList(ClusterKeys.ZooKeeperServers, ["127.0.0.1"]),
        Port = conf.GetPort(ClusterKeys.ZooKeeperPort, 2181),
        Root = conf.GetString(ClusterKeys.ZooKeeperRoot, "/squall")!,
        SessionTimeout = TimeSpan.FromMilliseconds(conf.GetInt(ClusterKeys.ZooKeeperSessionTimeout, 10_000)),
        ConnectTimeout = TimeSpan.FromMilliseconds(conf.GetInt(ClusterKeys.ZooKeeperConnectionTimeout, 15_000)),
        AuthScheme = conf.GetString(ClusterKeys.ZooKeeperAuthScheme, "digest")!,
        AuthPayload = conf.GetString(ClusterKeys.ZooKeeperAuthPayload),
    };

    public ZooKeeperClientOptions ToClientOptions() => new()
    {
        ConnectionString = ConnectionString,
        SessionTimeout = SessionTimeout,
        ConnectTimeout = ConnectTimeout,
        Auth = AuthPayload is null ? [] : [ZooKeeperAuth.Digest(AuthPayload)],
        DefaultAcl = Acl,
    };

    /// <summary>What a daemon (not a worker) also needs: its own ZooKeeper identity.</summary>
    public IEnumerable<string> ValidateForDaemon()
    {
        if (AuthPayload is null)
        {
            yield return $"{ClusterKeys.ZooKeeperAuthPayload} must be set (user:password, the same on every daemon): Squall's ZooKeeper nodes hold topology secrets and are readable and writable with it only.";
        }
    }

    public IEnumerable<string> Validate()
    {
        if (Servers.Count == 0)
        {
            yield return $"{ClusterKeys.ZooKeeperServers} must name at least one server.";
        }

        if (Port is <= 0 or > 65535)
        {
            yield return $"{ClusterKeys.ZooKeeperPort} must be a port number (1-65535), not {Port}.";
        }

        if (!Root.StartsWith('/') || (Root.Length > 1 && Root.EndsWith('/')))
        {
            yield return $"{ClusterKeys.ZooKeeperRoot} must be an absolute ZooKeeper path like /squall, not '{Root}'.";
        }

        if (AuthScheme != "digest")
        {
            yield return $"{ClusterKeys.ZooKeeperAuthScheme} must be 'digest', the only scheme supported.";
        }

        if (AuthPayload is { } payload && (payload.IndexOf(':', StringComparison.Ordinal) <= 0 || payload.Length < 10))
        {
            yield return $"{ClusterKeys.ZooKeeperAuthPayload} must look like user:password (a long random password).";
        }

        if (SessionTimeout < TimeSpan.FromSeconds(1))
        {
            yield return $"{ClusterKeys.ZooKeeperSessionTimeout} must be at least 1000 ms.";
        }
    }
}
