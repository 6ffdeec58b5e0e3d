using System.CommandLine;
using Squall.Flux;

namespace Squall.Cli;

/// <summary>What <c>run</c> and <c>submit</c> share for YAML topologies (Storm's Flux): recognising the file and <c>--filter</c>.</summary>
internal static class YamlTopology
{
    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static Option<string?> FilterOption() => new("--filter", "-f")
    {
        Description = "A .properties file whose keys fill ${key} in a YAML topology (${ENV-NAME} and ${NAME} also read the environment).",
    };

    public static FluxTopology Load(string path, string? propertiesFile) =>
        FluxTopology.Load(path, new FluxOptions { PropertiesFile = propertiesFile });
}
