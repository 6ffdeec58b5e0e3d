namespace Squall.Cluster.Configuration;

/// <summary>What a Supervisor needs: its slots, where it keeps packages and worker state, and its timeouts.</summary>
internal sealed record SupervisorOptions
{
    public required ZooKeeperOptions ZooKeeper { get; init; }

    public required string Host { get; init; }

    public IReadOnlyList<int> SlotPorts { get; init; } = [6700, 6701, 6702, 6703];

    public string BindHost { get; init; } = "0.0.0.0";

    public required string LocalDir { get; init; }

    public required string Token { get; init; }

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

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The log viewer's port (Storm's <c>logviewer.port</c>); 0 picks a free one (several supervisors on one host).</summary>
    public int LogviewerPort { get; init; } = ClusterKeys.DefaultLogviewerPort;

    public string SupervisorDir => Path.Combine(LocalDir, "supervisor");

    public static SupervisorOptions FromConfig(Config conf) => new()
    {
        ZooKeeper = ZooKeeperOptions.FromConfig(conf),
        Host = conf.GetString(ClusterKeys.LocalHostname) ?? System.Net.Dns.GetHostName(),
        SlotPorts = conf.GetIntList(ClusterKeys.SupervisorSlotsPorts, [6700, 6701, 6702, 6703]),
        BindHost = conf.GetString(ClusterKeys.BindHost, "0.0.0.0")!,
        LocalDir = Path.GetFullPath(conf.GetString(ClusterKeys.LocalDir, "squall-local")!),
        Token = conf.GetString(ClusterKeys.ApiToken, string.Empty)!,
        WorkerTimeout = conf.GetSeconds(ClusterKeys.SupervisorWorkerTimeoutSecs, 30),
        WorkerStartTimeout = conf.GetSeconds(ClusterKeys.SupervisorWorkerStartTimeoutSecs, 120),
        MonitorPeriod = conf.GetSeconds(ClusterKeys.SupervisorMonitorFrequencySecs, 1),
        HeartbeatPeriod = conf.GetSeconds(ClusterKeys.SupervisorHeartbeatFrequencySecs, 2),
        DaemonConfig = new Config(conf),
        LogviewerPort = conf.GetNullableInt(ClusterKeys.LogviewerPort) ?? ClusterKeys.DefaultLogviewerPort,
    };
}
