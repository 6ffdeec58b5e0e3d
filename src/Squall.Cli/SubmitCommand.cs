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
        var target = new Argument<string>("project-dll-or-yaml") { Description = "A topology project (.csproj or folder; it is published), a built assembly (.dll) or a YAML topology (.yaml)." };
        var name = new Option<string?>("--name", "-n") { Description = "The topology's name (default: the source's Name)." };
        var topology = new Option<string?>("--topology", "-t") { Description = "The ITopologySource type, when the assembly has several." };
        var filter = YamlTopology.FilterOption();
        return ClientCommand.Create("submit", "Packages a topology and submits it to the cluster.", async (result, conf, client, cancel) =>
        {
            var path = result.GetValue(target)!;
            var flux = YamlTopology.IsYaml(path) ? YamlTopology.Load(path, result.GetValue(filter)) : null;
            var (zip, manifest) = flux is null ? PackageBuilder.Build(path, result.GetValue(topology)) : FluxPackageBuilder.Build(flux);
            var topologyName = result.GetValue(name) ?? flux?.Name ?? DefaultName(path, manifest);
            foreach (var (key, value) in flux?.Configuration ?? new Dictionary<string, object?>())
            {
                conf.TryAdd(key, value);   // the YAML's config: section, under the command line's -c
            }

            // Everything but the daemons' own keys goes to the topology (topology.* and the user's keys), as Storm passes them.
            var topologyConf = conf.Where(p => !ClusterKeys.Namespaces.Any(n => p.Key.StartsWith(n, StringComparison.Ordinal)) && p.Value is not null)
                .ToDictionary(p => p.Key, p => Text(p.Value!), StringComparer.Ordinal);
            var submitted = await client.SubmitAsync(topologyName, zip, topologyConf, cancel);
            Console.WriteLine($"Submitted '{topologyName}' as {submitted.TopologyId} ({zip.Length / 1024.0:F0} KiB package, source {manifest.SourceType}).");
            return 0;
        }, target, name, topology, filter);
    }

    /// <summary>A value as the topology's string config holds it; a YAML list (drpc.servers) becomes "a,b".</summary>
    private static string Text(object value) => value is not string && value is IEnumerable<string> list
        ? string.Join(',', list)
        : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static string DefaultName(string target, PackageManifest manifest)
    {
        var dll = TopologyLoader.ResolveAssembly(target.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? target : target, publishDir: null);
        var type = TopologyLoader.FindSourceType(new TopologyLoadContext(dll, isCollectible: true).LoadFromAssemblyPath(dll), manifest.SourceType);
        return TopologyLoader.Create(type).Name;
    }
}
