using System.CommandLine;
using Squall.Cluster.Client;
using Squall.Cluster.Configuration;

namespace Squall.Cli;

/// <summary>Builds a client command: its arguments, the shared config options, and an action given a connected <see cref="NimbusClient"/>.</summary>
internal static class ClientCommand
{
    public static Command Create(string name, string description, Func<ParseResult, Config, NimbusClient, CancellationToken, Task<int>> action, params Symbol[] symbols)
    {
        var config = new CliConfig();
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        config.AddTo(command);
        command.SetAction((result, cancel) => CliErrors.Run(async () =>
        {
            var conf = config.Load(result);
            using var client = new NimbusClient(ClientOptions.FromConfig(conf));
            return await action(result, conf, client, cancel);
        }));
        return command;
    }

    public static Argument<string> NameArgument() => new("name") { Description = "The topology's name (or id)." };

    public static Option<int> WaitOption() => new("--wait", "-w") { Description = "Seconds to wait (spouts deactivated) before acting; default topology.message.timeout.secs.", DefaultValueFactory = _ => -1 };
}
