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

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static WorkerHostOptions FromConfig(Config conf, string topologyId, long epoch, int port, string supervisorId, string packageDir, string slotDir) => new()
    {
        TopologyId = topologyId,
        Epoch = epoch,
        Port = port,
        SupervisorId = supervisorId,
        PackageDir = packageDir,
        SlotDir = slotDir,
        ZooKeeper = ZooKeeperOptions.FromConfig(conf),
        BindHost = conf.GetString(ClusterKeys.BindHost, Configuration.ClusterDefaults.BindHost)!,
        HeartbeatPeriod = conf.GetSeconds(ClusterKeys.WorkerHeartbeatFrequencySecs, 1),
    };
}
