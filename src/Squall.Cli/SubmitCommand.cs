using System.CommandLine;
using System.Globalization;
using Squall.Cluster.Configuration;
using Squall.Cluster.Packaging;

namespace Squall.Cli;

/// <summary><c>squall submit PROJECT|DLL [--name N] [-c k=v]</c>: packages a topology and uploads it to the leader Nimbus.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("project-or-dll") { Description = "A topology project (.csproj or folder; it is published) or a built assembly (.dll)." };
        var name = new Option<string?>("--name", "-n") { Description = "The topology's name (default: the source's Name)." };
        var topology = new Option<string?>("--topology", "-t") { Description = "The ITopologySource type, when the assembly has several." };
        return ClientCommand.Create("submit", "Packages a topology and submits it to the cluster.", async (result, conf, client, cancel) =>
        {
            var (zip, manifest) = PackageBuilder.Build(result.GetValue(target)!, result.GetValue(topology));
            var topologyName = result.GetValue(name) ?? DefaultName(result.GetValue(target)!, manifest);
            // Everything but the daemons' own keys goes to the topology (topology.* and the user's keys), as Storm passes them.
            var topologyConf = conf.Where(p => !ClusterKeys.Namespaces.Any(n => p.Key.StartsWith(n, StringComparison.Ordinal)) && p.Value is not null)
                .ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)!, StringComparer.Ordinal);
            var submitted = await client.SubmitAsync(topologyName, zip, topologyConf, cancel);
            Console.WriteLine($"Submitted '{topologyName}' as {submitted.TopologyId} ({zip.Length / 1024.0:F0} KiB package, source {manifest.SourceType}).");
            if (Squall.Runtime.TopologyConfigValidator.IgnoredKeysWarning(new Config(topologyConf.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)))) is { } warning)
            {
                Console.Error.WriteLine($"Warning: {warning}");
            }
            return 0;
        }, target, name, topology);
    }

    private static string DefaultName(string target, PackageManifest manifest)
    {
        var dll = TopologyLoader.ResolveAssembly(target.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? target : target, publishDir: null);
        var type = TopologyLoader.FindSourceType(new TopologyLoadContext(dll, isCollectible: true).LoadFromAssemblyPath(dll), manifest.SourceType);
        return TopologyLoader.Create(type).Name;
    }
}
