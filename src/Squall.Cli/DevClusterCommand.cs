using System.CommandLine;
using Squall.Cluster;
using Squall.Cluster.Configuration;
using Squall.Cluster.DevCluster;

namespace Squall.Cli;

/// <summary><c>squall dev-cluster</c>: ZooKeeper, a Nimbus and N supervisors on this machine, until Ctrl+C.</summary>
internal static class DevClusterCommand
{
    public static Command Create()
    {
        var config = new CliConfig();
        var supervisors = new Option<int>("--supervisors") { Description = "How many supervisors.", DefaultValueFactory = _ => 2 };
        var slots = new Option<int>("--slots") { Description = "Worker slots per supervisor.", DefaultValueFactory = _ => 2 };
        var command = new Command("dev-cluster", "Starts a ZooKeeper server, a Nimbus and supervisors on this machine; Ctrl+C stops them all.") { supervisors, slots };
        config.AddTo(command);
        command.SetAction((result, cancel) => CliErrors.Run(async () =>
        {
            var options = new DevClusterOptions
            {
                Conf = config.Load(result),
                Supervisors = result.GetValue(supervisors),
                SlotsPerSupervisor = result.GetValue(slots),
            };
            var cluster = await DevCluster.StartAsync(options, new DaemonLog("dev-cluster"), cancel);
            WriteClientConfig(cluster.Conf);
            return await CliErrors.RunDaemon(cluster.Fatal, cluster, cancel);
        }));
        return command;
    }

    /// <summary>Leaves a squall.yaml here so that submit, list, kill ... reach this cluster with its token.</summary>
    private static void WriteClientConfig(Config conf)
    {
        var path = Path.Combine(Environment.CurrentDirectory, ClusterConfigLoader.FileName);
        if (File.Exists(path))
        {
            Console.WriteLine($"dev cluster ready; clients use the existing {path}.");
            return;
        }

        // It holds the API token: readable by this user only.
        SecretFile.Write(path, $"""
            # Written by 'squall dev-cluster' for the CLI commands run from this folder.
            nimbus.seeds: ["127.0.0.1"]
            nimbus.http.port: {conf.GetPort(ClusterKeys.NimbusHttpPort, ClusterDefaults.NimbusHttpPort)}
            storm.zookeeper.port: {conf.GetPort(ClusterKeys.ZooKeeperPort, 2181)}
            squall.api.token: "{conf.GetString(ClusterKeys.ApiToken)}"

            """);
        Console.WriteLine($"dev cluster ready; wrote {path} (seeds, port, API token; mode 0600) for the CLI.");
    }
}
