namespace Squall.Cluster.Configuration;

/// <summary>What a Supervisor needs: its slots, where it keeps packages and worker state, and its timeouts.</summary>
internal sealed record SupervisorOptions
{
    public required ZooKeeperOptions ZooKeeper { get; init; }

    public required string Host { get; init; }

    public IReadOnlyList<int> SlotPorts { get; init; } = [6700, 6701, 6702, 6703];

    public string BindHost { get; init; } = ClusterDefaults.BindHost;

    public required string LocalDir { get; init; }

    /// <summary>This supervisor's credential towards Nimbus (<c>squall.supervisor.token</c>): heartbeats and package downloads.</summary>
    public required string Token { get; init; }

    public ApiTls Tls { get; init; } = ApiTls.None;

    /// <summary>The Nimbus processes this supervisor sends its credential to (<c>nimbus.seeds</c>); others from ZooKeeper are ignored.</summary>
    public KnownNimbuses Seeds { get; init; } = new([]);

    /// <summary>A running worker silent for this long is killed and restarted.</summary>
    public TimeSpan WorkerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A starting worker gets this long to send its first heartbeat.</summary>
    public TimeSpan WorkerStartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How often slots are stepped even without a ZooKeeper event.</summary>
    public TimeSpan MonitorPeriod { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan HeartbeatPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a killed worker may take to exit before it gets SIGKILL.</summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stop this supervisor's workers when it shuts down gracefully (the dev cluster does; a restart for upgrade does not).</summary>
    public bool KillWorkersOnExit { get; init; }

    /// <summary>Daemon settings handed down to every worker this supervisor starts (ZooKeeper, heartbeats).</summary>
    public Config DaemonConfig { get; init; } = new();

    /// <summary>Limits on the packages this supervisor unpacks (the same keys as Nimbus's).</summary>
    public Packaging.PackageLimits PackageLimits { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The log viewer's port (Storm's <c>logviewer.port</c>); 0 picks a free one (several supervisors on one host).</summary>
    public int LogviewerPort { get; init; } = ClusterDefaults.LogviewerPort;

    /// <summary>The address the log viewer binds (<c>logviewer.host</c>); loopback unless configured, whatever <see cref="BindHost"/> is.</summary>
    public string LogviewerHost { get; init; } = ClusterDefaults.LogviewerHost;

    public string SupervisorDir => Path.Combine(LocalDir, "supervisor");

    public static SupervisorOptions FromConfig(Config conf) => new()
    {
        ZooKeeper = ZooKeeperOptions.FromConfig(conf),
        Host = conf.GetString(ClusterKeys.LocalHostname) ?? System.Net.Dns.GetHostName(),
        SlotPorts = conf.GetIntList(ClusterKeys.SupervisorSlotsPorts, [6700, 6701, 6702, 6703]),
        BindHost = conf.GetString(ClusterKeys.BindHost, ClusterDefaults.BindHost)!,
        LocalDir = Path.GetFullPath(conf.GetString(ClusterKeys.LocalDir, "squall-local")!),
        Token = conf.GetString(ClusterKeys.SupervisorToken, string.Empty)!,
        Tls = ApiTls.FromConfig(conf),
        Seeds = KnownNimbuses.FromConfig(conf),
        WorkerTimeout = conf.GetSeconds(ClusterKeys.SupervisorWorkerTimeoutSecs, 30),
        WorkerStartTimeout = conf.GetSeconds(ClusterKeys.SupervisorWorkerStartTimeoutSecs, 120),
        MonitorPeriod = conf.GetSeconds(ClusterKeys.SupervisorMonitorFrequencySecs, 1),
        HeartbeatPeriod = conf.GetSeconds(ClusterKeys.SupervisorHeartbeatFrequencySecs, 2),
        DaemonConfig = new Config(conf),
        PackageLimits = Packaging.PackageLimits.FromConfig(conf),
        LogviewerPort = conf.GetNullableInt(ClusterKeys.LogviewerPort) ?? ClusterDefaults.LogviewerPort,
        LogviewerHost = conf.GetString(ClusterKeys.LogviewerHost, ClusterDefaults.LogviewerHost)!,
    };
}
