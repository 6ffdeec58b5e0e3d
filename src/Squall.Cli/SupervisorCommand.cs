using System.CommandLine;
using Squall.Cluster;
using Squall.Cluster.Configuration;
using Squall.Cluster.Supervisor;

namespace Squall.Cli;

/// <summary><c>squall supervisor</c>: runs a Supervisor, which starts and watches this node's workers.</summary>
internal static class SupervisorCommand
{
    public static Command Create()
    {
        var config = new CliConfig();
        var killWorkers = new Option<bool>("--kill-workers-on-exit") { Description = "Stop this supervisor's workers when it is stopped (default: leave them running, to be adopted on restart)." };
        var command = new Command("supervisor", "Runs a Supervisor daemon: launches, watches and restarts workers on this node.") { killWorkers };
        config.AddTo(command);
        command.SetAction((result, cancel) => CliErrors.Run(async () =>
        {
            var options = SupervisorOptions.FromConfig(config.Load(result)) with { KillWorkersOnExit = result.GetValue(killWorkers) };
            var daemon = await SupervisorDaemon.StartAsync(options, new DaemonLog("supervisor"), cancel);
            return await CliErrors.RunDaemon(daemon.Fatal, daemon, cancel);
        }));
        return command;
    }
}
