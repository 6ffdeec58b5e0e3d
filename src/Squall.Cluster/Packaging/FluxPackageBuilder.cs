using System.IO.Compression;
using System.Text;
using Squall.Cluster.State;
using Squall.Flux;

namespace Squall.Cluster.Packaging;

/// <summary>
/// Packages a YAML topology: the resolved definition (includes merged, placeholders filled here, at submit
/// time, from the submitter's environment and properties) and its resources folder (the shell scripts). The
/// engine's own assemblies build it on the workers, so no user assembly is needed.
/// </summary>
internal static class FluxPackageBuilder
{
    public static (byte[] Zip, PackageManifest Manifest) Build(FluxTopology topology)
    {
        var manifest = new PackageManifest(string.Empty, PackageManifest.FluxSourceType, FluxTopology.PackagedFileName);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var definition = zip.CreateEntry(FluxTopology.PackagedFileName).Open())
            {
                definition.Write(Encoding.UTF8.GetBytes(topology.SaveResolved()));
            }

            var resources = topology.ResourcesDirectory;
            var yamlFolder = Path.GetDirectoryName(topology.File)!;
            foreach (var file in Directory.EnumerateFiles(resources, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(resources, file).Replace('\\', '/');
                // When the scripts sit beside the YAML (no resources/ folder), leave the YAML files and hidden folders out.
                if ((resources == yamlFolder && (relative.EndsWith(".yaml", StringComparison.Ordinal) || relative.EndsWith(".yml", StringComparison.Ordinal)))
                    || relative.Split('/').Any(part => part.StartsWith('.') || part is "__pycache__" or "node_modules" or "bin" or "obj"))
                {
                    continue;
                }

                zip.CreateEntryFromFile(file, $"{FluxTopology.PackagedResourcesFolder}/{relative}", CompressionLevel.Fastest);
            }

            using var entry = zip.CreateEntry(PackageManifest.FileName).Open();
            entry.Write(ClusterJson.Serialize(manifest));
        }

        return (buffer.ToArray(), manifest);
    }
}
