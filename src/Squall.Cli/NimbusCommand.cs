using System.CommandLine;
using Squall.Cluster;
using Squall.Cluster.Configuration;
using Squall.Cluster.Nimbus;

namespace Squall.Cli;

/// <summary><c>squall nimbus</c>: runs a Nimbus (several may run; ZooKeeper elects the leader).</summary>
internal static class NimbusCommand
{
    public static Command Create()
    {
        var config = new CliConfig();
        var command = new Command("nimbus", "Runs a Nimbus daemon: the HTTP API, scheduling and package store.");
        config.AddTo(command);
        command.SetAction((result, cancel) => CliErrors.Run(async () =>
        {
            var daemon = await NimbusDaemon.StartAsync(NimbusOptions.FromConfig(config.Load(result)), new DaemonLog("nimbus"), cancel);
            return await CliErrors.RunDaemon(daemon.Fatal, daemon, cancel);
        }));
        return command;
    }
}
