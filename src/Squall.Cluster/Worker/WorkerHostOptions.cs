using Squall.Cluster.Configuration;

namespace Squall.Cluster.Worker;

/// <summary>What <c>squall worker</c> is started with by its supervisor.</summary>
internal sealed record WorkerHostOptions
{
    public required string TopologyId { get; init; }

    /// <summary>The assignment epoch this worker was started for; any other epoch means it must stop.</summary>
    public required long Epoch { get; init; }

    public required int Port { get; init; }

    public required string SupervisorId { get; init; }

    public required string PackageDir { get; init; }

    public required string SlotDir { get; init; }

    public required ZooKeeperOptions ZooKeeper { get; init; }

    public string BindHost { get; init; } = Configuration.ClusterDefaults.BindHost;

    public TimeSpan HeartbeatPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the assignment is re-read even without a watch firing (a safety net, not a heartbeat).</summary>
    public TimeSpan AssignmentPollPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The file naming this worker's supervisor (<see cref="Supervisor.SupervisorPidFile"/>); null when started by hand.</summary>
    public string? SupervisorPidFile { get; init; }

    /// <summary>A worker whose supervisor has been gone this long stops (<c>worker.orphan.timeout.secs</c>): nothing would restart, fence or clean up after it.</summary>
    public TimeSpan OrphanTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static WorkerHostOptions FromConfig(Config conf, string topologyId, long epoch, int port, string supervisorId, string packageDir, string slotDir, string? zooKeeperAuthFile = null, string? supervisorPidFile = null) => new()
    {
        TopologyId = topologyId,
        Epoch = epoch,
        Port = port,
        SupervisorId = supervisorId,
        PackageDir = packageDir,
        SlotDir = slotDir,
        // A worker's ZooKeeper identity is its topology's (from the file its supervisor wrote), never the daemons'.
        ZooKeeper = ZooKeeperOptions.FromConfig(conf) with { AuthPayload = zooKeeperAuthFile is null ? null : File.ReadAllText(zooKeeperAuthFile).Trim() },
        BindHost = conf.GetString(ClusterKeys.BindHost, Configuration.ClusterDefaults.BindHost)!,
        HeartbeatPeriod = conf.GetSeconds(ClusterKeys.WorkerHeartbeatFrequencySecs, 1),
        SupervisorPidFile = supervisorPidFile,
        OrphanTimeout = conf.GetSeconds(ClusterKeys.WorkerOrphanTimeoutSecs, 60),
    };
}
