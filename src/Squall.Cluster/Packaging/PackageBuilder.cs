using System.IO.Compression;
using System.Text.Json;
using Squall.Cluster.State;

namespace Squall.Cluster.Packaging;

/// <summary>
/// Makes a topology package: the user's assemblies and resources zipped with a manifest. A project is
/// published first (so every dependency is there); for a bare DLL, the DLL and what its deps.json names
/// from the same folder. Squall's own assemblies are left out: workers always use the cluster's.
/// </summary>
internal static class PackageBuilder
{
    private static readonly string[] CompanionExtensions = [".pdb", ".deps.json", ".runtimeconfig.json"];

    public static (byte[] Zip, PackageManifest Manifest) Build(string projectOrDll, string? sourceName)
    {
        var publishDir = projectOrDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? null : Directory.CreateTempSubdirectory("squall-publish-").FullName;
        try
        {
            var dll = TopologyLoader.ResolveAssembly(projectOrDll, publishDir);
            var sourceType = TopologyLoader.FindSourceType(TopologyLoader.LoadAssembly(new TopologyLoadContext(dll, isCollectible: true), dll), sourceName);
            var manifest = new PackageManifest(Path.GetFileName(dll), sourceType.FullName!);
            var files = publishDir is null ? FilesOf(dll) : Directory.EnumerateFiles(publishDir, "*", SearchOption.AllDirectories).ToList();
            return (Zip(Path.GetDirectoryName(dll)!, files.Where(f => f == dll || !IsSquall(f)), manifest), manifest);
        }
        finally
        {
            if (publishDir is not null)
            {
                Directory.Delete(publishDir, recursive: true);
            }
        }
    }

    private static List<string> FilesOf(string dll)
    {
        var dir = Path.GetDirectoryName(dll)!;
        var baseName = Path.ChangeExtension(dll, null);
        var files = new List<string> { dll };
        files.AddRange(CompanionExtensions.Select(e => baseName + e).Where(File.Exists));
        var deps = baseName + ".deps.json";
        if (File.Exists(deps))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(deps));
            foreach (var target in json.RootElement.GetProperty("targets").EnumerateObject())
            {
                foreach (var library in target.Value.EnumerateObject())
                {
                    if (library.Value.TryGetProperty("runtime", out var runtime))
                    {
                        files.AddRange(runtime.EnumerateObject().Select(r => Path.Combine(dir, Path.GetFileName(r.Name))).Where(File.Exists));
                    }
                }
            }
        }

        return [.. files.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>An engine assembly the cluster brings itself (one this executable ships), never the user's own.</summary>
    private static bool IsSquall(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("Squall", StringComparison.Ordinal) && File.Exists(Path.Combine(AppContext.BaseDirectory, name));
    }

    private static byte[] Zip(string root, IEnumerable<string> files, PackageManifest manifest)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                zip.CreateEntryFromFile(file, Path.GetRelativePath(root, file).Replace('\\', '/'), CompressionLevel.Fastest);
            }

            using var entry = zip.CreateEntry(PackageManifest.FileName).Open();
            entry.Write(ClusterJson.Serialize(manifest));
        }

        return buffer.ToArray();
    }
}
