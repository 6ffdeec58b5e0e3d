using System.CommandLine;
using System.Diagnostics;
using Squall.Cluster.Packaging;
using Squall.Runtime;

namespace Squall.Cli;

/// <summary><c>squall run PROJECT|DLL</c>: runs a user's topology in local mode, printing live stats.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("project-dll-or-yaml") { Description = "A topology project (.csproj or folder), a built assembly (.dll) or a YAML topology (.yaml)." };
        var seconds = new Option<int>("--seconds", "-s") { Description = "How long to run; 0 runs until Ctrl+C.", DefaultValueFactory = _ => 0 };
        var topology = new Option<string?>("--topology", "-t") { Description = "The ITopologySource type, when the assembly has several." };
        var config = new Option<string[]>("--config", "-c") { Description = "Configuration key=value (Storm's keys).", AllowMultipleArgumentsPerToken = false };
        var filter = YamlTopology.FilterOption();
        var command = new Command("run", "Runs a topology in local mode (in this process).") { target, seconds, topology, config, filter };
        command.SetAction((result, cancel) => CliErrors.Run(async () =>
        {
            var path = result.GetValue(target)!;
            var source = YamlTopology.IsYaml(path)
                ? YamlTopology.Load(path, result.GetValue(filter))
                : TopologyLoader.Load(path, result.GetValue(topology));
            var conf = ConfigOverrides.Apply(new Config(), result.GetValue(config) ?? []);
            return await RunAsync(source, conf, result.GetValue(seconds), cancel);
        }));
        return command;
    }

    private static async Task<int> RunAsync(ITopologySource source, Config conf, int seconds, CancellationToken cancel)
    {
        using var cluster = new LocalCluster();
        cluster.SubmitTopology(source.Name, conf, source.Build(conf));
        Console.WriteLine($"{source.Name} running in local mode; {(seconds > 0 ? $"{seconds} s" : "Ctrl+C to stop")}.");
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (seconds > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var stats = cluster.GetStats(source.Name);
            Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0} s] " + string.Join("  ", stats.Select(s => $"{s.ComponentId}: emitted {s.Emitted:N0} executed {s.Executed:N0} acked {s.Acked:N0} failed {s.Failed:N0}")));
        }

        var errors = cluster.GetErrors(source.Name);
        cluster.KillTopology(source.Name);
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }

        return errors.Count == 0 ? 0 : 1;
    }
}
