using System.CommandLine;
using System.Globalization;
using Squall.Cluster.Configuration;
using Squall.Ui;
using Squall.Ui.Sources;

namespace Squall.Cli;

/// <summary><c>squall ui</c>: Storm's UI and REST API for a cluster, reading from Nimbus (port <c>ui.port</c>, 8080).</summary>
internal static class UiCommand
{
    public static Command Create()
    {
        var config = new CliConfig();
        var command = new Command("ui", "Serves the web UI and Storm's UI REST API for the cluster in nimbus.seeds (ui.port, default 8080; loopback unless ui.host is set).");
        config.AddTo(command);
        command.SetAction((result, cancel) => CliErrors.Run(async () =>
        {
            var conf = config.Load(result);
            var options = UiOptions.FromConfig(conf) with { LogviewerPort = LogviewerPort(conf) };
            var shown = conf.Where(p => !ClusterKeys.Secrets.Contains(p.Key))
                .ToDictionary(p => p.Key, p => Convert.ToString(p.Value is IEnumerable<string> list ? string.Join(',', list) : p.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);
            var readToken = conf.GetString(ClusterKeys.ApiReadToken) ?? conf.GetString(ClusterKeys.ApiToken);
            var source = new NimbusSource(ClientOptions.FromConfig(conf).Seeds, shown, readToken);
            var server = await UiServer.StartAsync(source, options, cancel);
            Console.WriteLine($"Squall UI on {server.Url} (Nimbus: {string.Join(", ", ClientOptions.FromConfig(conf).Seeds)})");
            return await CliErrors.RunDaemon(Task.Delay(Timeout.Infinite, cancel), server, cancel);
        }));
        return command;
    }

    private static int LogviewerPort(Config conf) => conf.GetNullableInt(ClusterKeys.LogviewerPort) ?? ClusterDefaults.LogviewerPort;
}
