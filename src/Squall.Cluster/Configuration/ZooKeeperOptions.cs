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

    public string ConnectionString => string.Join(',', Servers.Select(s => s.Contains(':', StringComparison.Ordinal) ? s : $"{s}:{Port}"));

    public static ZooKeeperOptions FromConfig(Config conf) => new()
    {
        Servers = conf.GetList(ClusterKeys.ZooKeeperServers, ["127.0.0.1"]),
        Port = conf.GetPort(ClusterKeys.ZooKeeperPort, 2181),
        Root = conf.GetString(ClusterKeys.ZooKeeperRoot, "/squall")!,
        SessionTimeout = TimeSpan.FromMilliseconds(conf.GetInt(ClusterKeys.ZooKeeperSessionTimeout, 10_000)),
        ConnectTimeout = TimeSpan.FromMilliseconds(conf.GetInt(ClusterKeys.ZooKeeperConnectionTimeout, 15_000)),
    };

    public ZooKeeperClientOptions ToClientOptions() => new()
    {
        ConnectionString = ConnectionString,
        SessionTimeout = SessionTimeout,
        ConnectTimeout = ConnectTimeout,
    };

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

        if (SessionTimeout < TimeSpan.FromSeconds(1))
        {
            yield return $"{ClusterKeys.ZooKeeperSessionTimeout} must be at least 1000 ms.";
        }
    }
}
