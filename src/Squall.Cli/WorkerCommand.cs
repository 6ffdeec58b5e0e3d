using System.CommandLine;
using Squall.Cluster;
using Squall.Cluster.Worker;

namespace Squall.Cli;

/// <summary><c>squall worker</c>: one worker process, started by a supervisor (not by hand).</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var config = new CliConfig();
        var topologyId = new Option<string>("--topology-id") { Required = true };
        var epoch = new Option<long>("--epoch") { Required = true };
        var port = new Option<int>("--port") { Required = true };
        var supervisorId = new Option<string>("--supervisor-id") { Required = true };
        var packageDir = new Option<string>("--package-dir") { Required = true };
        var slotDir = new Option<string>("--slot-dir") { Required = true };
        var zooKeeperAuthFile = new Option<string?>("--zookeeper-auth-file");
        var supervisorPidFile = new Option<string?>("--supervisor-pid-file");
        var command = new Command("worker", "Runs one worker of a topology (started by a supervisor).")
        {
            topologyId, epoch, port, supervisorId, packageDir, slotDir, zooKeeperAuthFile, supervisorPidFile,
        };
        command.Hidden = true;
        config.AddTo(command);
        command.SetAction((result, cancel) => CliErrors.Run(async () =>
        {
            var options = WorkerHostOptions.FromConfig(
                config.Load(result), result.GetValue(topologyId)!, result.GetValue(epoch), result.GetValue(port),
                result.GetValue(supervisorId)!, result.GetValue(packageDir)!, result.GetValue(slotDir)!, result.GetValue(zooKeeperAuthFile), result.GetValue(supervisorPidFile));
            using var host = new WorkerHost(options, new DaemonLog($"worker:{options.Port}"));
            return await host.RunAsync(cancel);
        }));
        return command;
    }
}
