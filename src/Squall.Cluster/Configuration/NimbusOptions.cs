namespace Squall.Cluster.Configuration;

/// <summary>What a Nimbus needs: its address, where it keeps packages, and how it judges supervisors.</summary>
internal sealed record NimbusOptions
{
    public required ZooKeeperOptions ZooKeeper { get; init; }

    /// <summary>The host other daemons and clients use to reach this Nimbus (<c>storm.local.hostname</c>).</summary>
    public required string Host { get; init; }

    public int HttpPort { get; init; } = ClusterDefaults.NimbusHttpPort;

    public string BindHost { get; init; } = ClusterDefaults.BindHost;

    public required string LocalDir { get; init; }

    /// <summary>The client API token (<c>squall.api.token</c>): every write, and reads of a topology's configuration.</summary>
    public required string Token { get; init; }

    /// <summary>An optional read-only token (<c>squall.api.read.token</c>): reads of a topology's configuration, nothing else.</summary>
    public string? ReadToken { get; init; }

    /// <summary>The supervisors' credential (<c>squall.supervisor.token</c>): heartbeats and package downloads, nothing else.</summary>
    public required string SupervisorToken { get; init; }

    public ApiTls Tls { get; init; } = ApiTls.None;

    /// <summary>The Nimbus processes this one fetches packages from (and sends its credential to).</summary>
    public KnownNimbuses Seeds { get; init; } = new([]);

    /// <summary>A supervisor silent for this long has its workers moved elsewhere.</summary>
    public TimeSpan SupervisorTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the leader reconciles assignments even without a ZooKeeper event.</summary>
    public TimeSpan MonitorPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Upload and unpack limits of topology packages.</summary>
    public Packaging.PackageLimits PackageLimits { get; init; } = new();

    /// <summary>How long a submitted topology's <c>Build()</c> may run (in a child process) before the submit is refused.</summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string PackageDir => Path.Combine(LocalDir, "nimbus", "packages");

    public static NimbusOptions FromConfig(Config conf) => new()
    {
        ZooKeeper = ZooKeeperOptions.FromConfig(conf),
        Host = conf.GetString(ClusterKeys.LocalHostname) ?? System.Net.Dns.GetHostName(),
        HttpPort = conf.GetPort(ClusterKeys.NimbusHttpPort, ClusterDefaults.NimbusHttpPort),
        BindHost = conf.GetString(ClusterKeys.BindHost, ClusterDefaults.BindHost)!,
        LocalDir = Path.GetFullPath(conf.GetString(ClusterKeys.LocalDir, "squall-local")!),
        Token = conf.GetString(ClusterKeys.ApiToken, string.Empty)!,
        ReadToken = conf.GetString(ClusterKeys.ApiReadToken),
        SupervisorToken = conf.GetString(ClusterKeys.SupervisorToken, string.Empty)!,
        Tls = ApiTls.FromConfig(conf),
        Seeds = KnownNimbuses.FromConfig(conf),
        SupervisorTimeout = conf.GetSeconds(ClusterKeys.NimbusSupervisorTimeoutSecs, 30),
        MonitorPeriod = conf.GetSeconds(ClusterKeys.NimbusMonitorFreqSecs, 2),
        PackageLimits = Packaging.PackageLimits.FromConfig(conf),
        BuildTimeout = conf.GetSeconds(ClusterKeys.NimbusTopologyBuildTimeoutSecs, 30),
    };
}
