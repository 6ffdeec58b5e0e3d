using System.Globalization;
using System.Security.Cryptography;
using Squall.Cluster.Configuration;
using Squall.Cluster.Nimbus;
using Squall.Cluster.Supervisor;
using Squall.ZooKeeper.Hosting;

namespace Squall.Cluster.DevCluster;

/// <summary>
/// <c>squall dev-cluster</c>: a ZooKeeper server (child JVM), a Nimbus and N supervisors in this process, all on
/// 127.0.0.1, each daemon with its own directory under <c>storm.local.dir</c>. Workers are real child
/// processes, exactly as on a real cluster. Disposing stops everything, workers included.
/// </summary>
internal sealed class DevCluster : IAsyncDisposable
{
    private readonly List<SupervisorDaemon> _supervisors = [];
    private ZooKeeperServer? _zooKeeper;
    private NimbusDaemon? _nimbus;

    private readonly DaemonLog _log;

    private DevCluster(Config conf, DaemonLog log)
    {
        Conf = conf;
        _log = log;
    }

    /// <summary>The configuration clients need (seeds, port, token), as written to squall.yaml.</summary>
    public Config Conf { get; }

    public Task Fatal => Task.WhenAny([_nimbus!.Fatal, .. _supervisors.Select(s => s.Fatal)]).Unwrap();

    public static async Task<DevCluster> StartAsync(DevClusterOptions options, DaemonLog log, CancellationToken cancel)
    {
        var conf = new Config(options.Conf);
        conf.TryAdd(ClusterKeys.ApiToken, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        conf.TryAdd(ClusterKeys.SupervisorToken, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        conf.TryAdd(ClusterKeys.ZooKeeperAuthPayload, "squall:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        conf.TryAdd(ClusterKeys.LocalHostname, "127.0.0.1");
        conf.TryAdd(ClusterKeys.BindHost, "127.0.0.1");
        conf.TryAdd(ClusterKeys.NimbusSeeds, "127.0.0.1");
        var problems = ZooKeeperOptions.FromConfig(conf).Validate().Concat((options with { Conf = conf }).Validate()).ToList();
        if (problems.Count > 0)
        {
            throw new ClusterStartException(string.Join(Environment.NewLine, problems));
        }

        var slotPorts = (options with { Conf = conf }).SlotPorts();
        var cluster = new DevCluster(conf, log);
        try
        {
            var zkPort = conf.GetPort(ClusterKeys.ZooKeeperPort, 2181);
            log.Info($"starting ZooKeeper on 127.0.0.1:{zkPort}");
            cluster._zooKeeper = await ZooKeeperServer.StartNewAsync(tickTimeMs: 500, port: zkPort);
            conf[ClusterKeys.ZooKeeperServers] = "127.0.0.1";
            var localDir = Path.GetFullPath(conf.GetString(ClusterKeys.LocalDir, "squall-local")!);
            cluster._nimbus = await NimbusDaemon.StartAsync(NimbusOptions.FromConfig(conf) with { LocalDir = localDir }, new DaemonLog("nimbus"), cancel);
            for (var i = 0; i < slotPorts.Count; i++)
            {
                var ports = slotPorts[i];
                var supervisorOptions = SupervisorOptions.FromConfig(conf) with
                {
                    LocalDir = Path.Combine(localDir, "supervisor-" + i.ToString(CultureInfo.InvariantCulture)),
                    SlotPorts = ports,
                    // One log viewer per supervisor here, where Storm has one per host: consecutive ports.
                    LogviewerPort = (conf.GetNullableInt(ClusterKeys.LogviewerPort) ?? ClusterDefaults.LogviewerPort) is var logs and > 0 ? logs + i : 0,
                    KillWorkersOnExit = true,
                };
                cluster._supervisors.Add(await SupervisorDaemon.StartAsync(supervisorOptions, new DaemonLog($"supervisor-{i}"), cancel));
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Every daemon is stopped even if another fails to stop: ZooKeeper last, since the others use it.
        IEnumerable<IAsyncDisposable?> daemons = [.. _supervisors, _nimbus, _zooKeeper];
        foreach (var daemon in daemons.OfType<IAsyncDisposable>())
        {
            try
            {
                await daemon.DisposeAsync();
            }
            catch (Exception e)
            {
                _log.Error($"stopping {daemon.GetType().Name} failed", e);
            }
        }

        _log.Info("stopped");
    }
}
