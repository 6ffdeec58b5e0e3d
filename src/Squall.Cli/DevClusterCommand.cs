using System.CommandLine;
using System.Security.Cryptography;
using Squall.Cluster;
using Squall.Cluster.Configuration;
using Squall.Cluster.DevCluster;
using Squall.Drpc;
using Squall.Drpc.Server;

namespace Squall.Cli;

/// <summary><c>squall dev-cluster</c>: ZooKeeper, a Nimbus, N supervisors and (unless --no-drpc) a DRPC server on this machine, until Ctrl+C.</summary>
internal static class DevClusterCommand
{
    public static Command Create()
    {
        var config = new CliConfig();
        var supervisors = new Option<int>("--supervisors") { Description = "How many supervisors.", DefaultValueFactory = _ => 2 };
        var slots = new Option<int>("--slots") { Description = "Worker slots per supervisor.", DefaultValueFactory = _ => 2 };
        var noDrpc = new Option<bool>("--no-drpc") { Description = "Do not start a DRPC server (by default one listens on drpc.http.port 3774 and drpc.invocations.port 3773)." };
        var command = new Command("dev-cluster", "Starts a ZooKeeper server, a Nimbus, supervisors and a DRPC server on this machine; Ctrl+C stops them all.") { supervisors, slots, noDrpc };
        config.AddTo(command);
        command.SetAction((result, cancel) => CliErrors.Run(async () =>
        {
            var conf = config.Load(result);
            var drpc = !result.GetValue(noDrpc);
            if (drpc)
            {
                DrpcCommand.WarnUnknown(conf);
                conf.TryAdd(DrpcKeys.InvocationsToken, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            }

            var options = new DevClusterOptions
            {
                Conf = conf,
                Supervisors = result.GetValue(supervisors),
                SlotsPerSupervisor = result.GetValue(slots),
            };
            var cluster = await DevCluster.StartAsync(options, new DaemonLog("dev-cluster"), cancel);
            DrpcServer? server = null;
            try
            {
                if (drpc)
                {
                    server = await DrpcServer.StartAsync(DrpcOptions.FromConfig(conf) with { BindHost = "127.0.0.1" }, new DaemonLog("drpc").Info, cancel);
                }
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }

            WriteClientConfig(cluster.Conf, server);
            var daemons = new Daemons(server, cluster);
            return await CliErrors.RunDaemon(server is null ? cluster.Fatal : Task.WhenAny(cluster.Fatal, server.Fatal).Unwrap(), daemons, cancel);
        }));
        return command;
    }

    /// <summary>Leaves a squall.yaml here so that submit, list, kill ... reach this cluster with its token (and topologies reach its DRPC server).</summary>
    private static void WriteClientConfig(Config conf, DrpcServer? drpc)
    {
        var path = Path.Combine(Environment.CurrentDirectory, ClusterConfigLoader.FileName);
        var drpcLines = drpc is null ? string.Empty : $"""
            # The dev cluster's DRPC server; submit passes these keys on to topologies (DrpcSpout, ReturnResults).
            drpc.servers: ["127.0.0.1"]
            drpc.http.port: {drpc.HttpPort}
            drpc.invocations.port: {drpc.InvocationsPort}
            drpc.invocations.token: "{conf.GetString(DrpcKeys.InvocationsToken)}"

            """;
        if (File.Exists(path))
        {
            // An older squall.yaml (written before DRPC, or by hand without it) learns the DRPC keys, or topologies could not reach the server.
            if (drpc is not null && !File.ReadAllText(path).Contains(DrpcKeys.InvocationsToken, StringComparison.Ordinal))
            {
                File.AppendAllText(path, "\n" + drpcLines);
                Console.WriteLine($"dev cluster ready; added the DRPC server's keys to the existing {path}.");
                return;
            }

            Console.WriteLine($"dev cluster ready; clients use the existing {path}.");
            return;
        }

        File.WriteAllText(path, $"""
            # Written by 'squall dev-cluster' for the CLI commands run from this folder.
            nimbus.seeds: ["127.0.0.1"]
            nimbus.http.port: {conf.GetPort(ClusterKeys.NimbusHttpPort, 6627)}
            storm.zookeeper.port: {conf.GetPort(ClusterKeys.ZooKeeperPort, 2181)}
            squall.api.token: "{conf.GetString(ClusterKeys.ApiToken)}"
            {drpcLines}
            """);
        Console.WriteLine($"dev cluster ready; wrote {path} (seeds, port, API token{(drpc is null ? string.Empty : ", DRPC server")}) for the CLI.");
    }

    /// <summary>Stops the DRPC server (answering its callers) before the cluster.</summary>
    private sealed class Daemons(DrpcServer? drpc, IAsyncDisposable cluster) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (drpc is not null)
            {
                await drpc.DisposeAsync();
            }

            await cluster.DisposeAsync();
        }
    }
}
