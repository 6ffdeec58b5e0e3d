namespace Squall.Cluster.Configuration;

/// <summary>What a Nimbus needs: its address, where it keeps packages, and how it judges supervisors.</summary>
internal sealed record NimbusOptions
{
    public required ZooKeeperOptions ZooKeeper { get; init; }

    /// <summary>The host other daemons and clients use to reach this Nimbus (<c>storm.local.hostname</c>).</summary>
    public required string Host { get; init; }

    public int HttpPort { get; init; } = 6627;

    public string BindHost { get; init; } = "0.0.0.0";

    public required string LocalDir { get; init; }

    public required string Token { get; init; }

    /// <summary>A supervisor silent for this long has its workers moved elsewhere.</summary>
    public TimeSpan SupervisorTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the leader reconciles assignments even without a ZooKeeper event.</summary>
    public TimeSpan MonitorPeriod { get; init; } = TimeSpan.FromSeconds(2);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string PackageDir => Path.Combine(LocalDir, "nimbus", "packages");

    public static NimbusOptions FromConfig(Config conf) => new()
    {
        ZooKeeper = ZooKeeperOptions.FromConfig(conf),
        Host = conf.GetString(ClusterKeys.LocalHostname) ?? System.Net.Dns.GetHostName(),
        HttpPort = conf.GetPort(ClusterKeys.NimbusHttpPort, 6627),
        BindHost = conf.GetString(ClusterKeys.BindHost, "0.0.0.0")!,
        LocalDir = Path.GetFullPath(conf.GetString(ClusterKeys.LocalDir, "squall-local")!),
        Token = conf.GetString(ClusterKeys.ApiToken, string.Empty)!,
        SupervisorTimeout = conf.GetSeconds(ClusterKeys.NimbusSupervisorTimeoutSecs, 30),
        MonitorPeriod = conf.GetSeconds(ClusterKeys.NimbusMonitorFreqSecs, 2),
    };
}
