using System.CommandLine;
using Squall.Cluster;
using Squall.Drpc;
using Squall.Drpc.Server;

namespace Squall.Cli;

/// <summary><c>squall drpc</c>: a DRPC server (clients on drpc.http.port, topologies on drpc.invocations.port).</summary>
internal static class DrpcCommand
{
    public static Command Create()
    {
        var config = new CliConfig();
        var command = new Command("drpc", "Runs a DRPC server: clients call functions over HTTP, DRPC topologies compute them.");
        config.AddTo(command);
        command.SetAction((result, cancel) => CliErrors.Run(async () =>
        {
            var conf = config.Load(result);
            WarnUnknown(conf);
            var log = new DaemonLog("drpc");
            var server = await DrpcServer.StartAsync(DrpcOptions.FromConfig(conf), log.Info, cancel);
            return await CliErrors.RunDaemon(server.Fatal, server, cancel);
        }));
        return command;
    }

    /// <summary>drpc.* keys are not in the daemons' namespaces (submit passes them to topologies), so their typos are reported here.</summary>
    public static void WarnUnknown(Config conf)
    {
        foreach (var key in DrpcKeys.Unknown(conf.Keys))
        {
            Console.Error.WriteLine($"warning: unknown configuration key '{key}' (a typo?); it is ignored.");
        }
    }
}
