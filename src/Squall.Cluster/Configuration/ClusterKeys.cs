namespace Squall.Cluster.Configuration;

/// <summary>
/// The daemon keys of <c>squall.yaml</c>: Storm's names where Storm has one, <c>squall.*</c> where it has not.
/// The one table of cluster keys; <see cref="Known"/> lets the loader report typos instead of ignoring them.
/// </summary>
internal static class ClusterKeys
{
    public const string ZooKeeperServers = "storm.zookeeper.servers";
    public const string ZooKeeperPort = "storm.zookeeper.port";
    public const string ZooKeeperRoot = "storm.zookeeper.root";
    public const string ZooKeeperSessionTimeout = "storm.zookeeper.session.timeout";
    public const string ZooKeeperConnectionTimeout = "storm.zookeeper.connection.timeout";
    public const string LocalDir = "storm.local.dir";
    public const string LocalHostname = "storm.local.hostname";
    public const string NimbusSeeds = "nimbus.seeds";
    public const string NimbusHttpPort = "nimbus.http.port";
    public const string NimbusSupervisorTimeoutSecs = "nimbus.supervisor.timeout.secs";
    public const string NimbusMonitorFreqSecs = "nimbus.monitor.freq.secs";
    public const string SupervisorSlotsPorts = "supervisor.slots.ports";
    public const string SupervisorWorkerTimeoutSecs = "supervisor.worker.timeout.secs";
    public const string SupervisorWorkerStartTimeoutSecs = "supervisor.worker.start.timeout.secs";
    public const string SupervisorMonitorFrequencySecs = "supervisor.monitor.frequency.secs";
    public const string SupervisorHeartbeatFrequencySecs = "supervisor.heartbeat.frequency.secs";
    public const string WorkerHeartbeatFrequencySecs = "worker.heartbeat.frequency.secs";
    public const string WorkerOrphanTimeoutSecs = "worker.orphan.timeout.secs";
    public const string BindHost = "squall.bind.host";
    public const string ApiToken = "squall.api.token";
    public const string ZooKeeperAuthScheme = "storm.zookeeper.auth.scheme";
    public const string ZooKeeperAuthPayload = "storm.zookeeper.auth.payload";
    public const string ZooKeeperTopologyAuthScheme = "storm.zookeeper.topology.auth.scheme";
    public const string ZooKeeperTopologyAuthPayload = "storm.zookeeper.topology.auth.payload";
    public const string ApiReadToken = "squall.api.read.token";
    public const string SupervisorToken = "squall.supervisor.token";
    public const string ApiTlsCert = "squall.api.tls.cert";
    public const string ApiTlsKey = "squall.api.tls.key";
    public const string ApiTlsCa = "squall.api.tls.ca";
    public const string NimbusMaxPackageBytes = "nimbus.max.package.bytes";
    public const string NimbusMaxPackageUnpackedBytes = "nimbus.max.package.unpacked.bytes";
    public const string NimbusMaxPackageEntries = "nimbus.max.package.entries";
    public const string NimbusTopologyBuildTimeoutSecs = "nimbus.topology.build.timeout.secs";
    public const string LogviewerPort = "logviewer.port";
    public const string LogviewerHost = "logviewer.host";
    public const string UiPort = "ui.port";
    public const string UiHost = "ui.host";

    /// <summary>Prefixes that belong to the daemons; keys under them that are not known are typos.</summary>
    public static IReadOnlyList<string> Namespaces { get; } = ["storm.", "nimbus.", "supervisor.", "worker.", "squall.", "ui.", "logviewer."];

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ZooKeeperServers, ZooKeeperPort, ZooKeeperRoot, ZooKeeperSessionTimeout, ZooKeeperConnectionTimeout, LocalDir,
        LocalHostname, NimbusSeeds, NimbusHttpPort, NimbusSupervisorTimeoutSecs, NimbusMonitorFreqSecs, SupervisorSlotsPorts,
        SupervisorWorkerTimeoutSecs, SupervisorWorkerStartTimeoutSecs, SupervisorMonitorFrequencySecs,
        SupervisorHeartbeatFrequencySecs, WorkerHeartbeatFrequencySecs, BindHost, ApiToken,
        NimbusMaxPackageBytes, NimbusMaxPackageUnpackedBytes, NimbusMaxPackageEntries, NimbusTopologyBuildTimeoutSecs,
        ApiReadToken, SupervisorToken, ApiTlsCert, ApiTlsKey, ApiTlsCa, ZooKeeperAuthScheme, ZooKeeperAuthPayload,
        ZooKeeperTopologyAuthScheme, ZooKeeperTopologyAuthPayload, WorkerOrphanTimeoutSecs, LogviewerPort, LogviewerHost, UiPort, UiHost,
    };

    /// <summary>Keys holding secrets: never handed to workers, never written where others can read them.</summary>
    public static IReadOnlySet<string> Secrets { get; } = new HashSet<string>(StringComparer.Ordinal) { ApiToken, ApiReadToken, SupervisorToken, ZooKeeperAuthPayload, ZooKeeperTopologyAuthPayload };

    /// <summary>Keys in a daemon namespace (or <c>topology.</c>) that nobody reads.</summary>
    public static IReadOnlyList<string> Unknown(Config conf) =>
    [
        .. conf.Keys.Where(k => Namespaces.Any(n => k.StartsWith(n, StringComparison.Ordinal)) && !Known.Contains(k))
            .Concat(conf.UnknownKeys())
            .Order(StringComparer.Ordinal),
    ];
}
