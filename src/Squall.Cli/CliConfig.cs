using System.CommandLine;
using Squall.Cluster.Configuration;

namespace Squall.Cli;

/// <summary>The options every cluster command shares: <c>-c key=value</c> and <c>--config-file</c> (default ./squall.yaml, then ~/.squall/squall.yaml).</summary>
internal sealed class CliConfig
{
    public Option<string[]> Overrides { get; } = new("--config", "-c") { Description = "Configuration key=value (Storm's keys); may repeat." };

    public Option<string?> File { get; } = new("--config-file") { Description = "The squall.yaml to read (default ./squall.yaml, then ~/.squall/squall.yaml)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Overrides);
        command.Options.Add(File);
    }

    public Config Load(ParseResult result)
    {
        var conf = ClusterConfigLoader.Load(result.GetValue(File), result.GetValue(Overrides) ?? []);
        foreach (var key in ClusterKeys.Unknown(conf))
        {
            Console.Error.WriteLine($"warning: unknown configuration key '{key}' (a typo?); it is ignored.");
        }

        return conf;
    }
}
