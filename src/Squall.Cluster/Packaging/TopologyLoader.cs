using System.Diagnostics;
using System.Reflection;
using Squall.Flux;

namespace Squall.Cluster.Packaging;

/// <summary>Finds the <see cref="ITopologySource"/> in a user's project, assembly or unpacked package.</summary>
internal static class TopologyLoader
{
    /// <summary>Builds <paramref name="projectOrDll"/> if it is a project, loads it, and creates its topology source.</summary>
    public static ITopologySource Load(string projectOrDll, string? sourceName)
    {
        var dll = ResolveAssembly(projectOrDll, publishDir: null);
        return Create(FindSourceType(new TopologyLoadContext(dll).LoadFromAssemblyPath(dll), sourceName));
    }

    /// <summary>Loads an unpacked package in its own load context and creates the source its manifest names.</summary>
    public static ITopologySource LoadPackage(string packageDir, PackageManifest manifest, bool isCollectible = false)
    {
        if (manifest.Definition is { } definition)
        {
            // A YAML topology: its placeholders were filled at submit time, so nothing is read from this host's environment.
            return FluxTopology.Load(Path.Combine(packageDir, definition), new FluxOptions
            {
                Environment = _ => null,
                ResourcesDirectory = Path.Combine(packageDir, FluxTopology.PackagedResourcesFolder),
            });
        }

        var dll = Path.Combine(packageDir, manifest.MainAssembly);
        if (!File.Exists(dll))
        {
            throw new InvalidDataException($"The package has no '{manifest.MainAssembly}', which its manifest names.");
        }

        var assembly = new TopologyLoadContext(dll, isCollectible).LoadFromAssemblyPath(dll);
        return Create(FindSourceType(assembly, manifest.SourceType));
    }

    /// <summary>The topology assembly for <paramref name="projectOrDll"/>: the DLL itself, or the project built (or published, when <paramref name="publishDir"/> is given).</summary>
    public static string ResolveAssembly(string projectOrDll, string? publishDir)
    {
        var dll = projectOrDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(projectOrDll) : BuildProject(projectOrDll, publishDir);
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"No topology assembly at '{dll}'.", dll);
    }

    public static Type FindSourceType(Assembly assembly, string? sourceName)
    {
        var candidates = assembly.GetTypes()
            .Where(t => typeof(ITopologySource).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => sourceName is null || t.Name == sourceName || t.FullName == sourceName)
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new InvalidOperationException($"'{assembly.GetName().Name}' has no public ITopologySource with a parameterless constructor{(sourceName is null ? string.Empty : $" named '{sourceName}'")}."),
            _ => throw new InvalidOperationException($"'{assembly.GetName().Name}' has several topology sources ({string.Join(", ", candidates.Select(c => c.Name))}); choose one with --topology."),
        };
    }

    public static ITopologySource Create(Type sourceType) => (ITopologySource)Activator.CreateInstance(sourceType)!;

    private static string BuildProject(string project, string? publishDir)
    {
        var path = Path.GetFullPath(project);
        if (publishDir is null)
        {
            Run("dotnet", ["build", path, "-c", "Release", "-nologo", "-v", "quiet"]);
            return Run("dotnet", ["msbuild", path, "-nologo", "-getProperty:TargetPath", "-p:Configuration=Release"]).Trim();
        }

        Run("dotnet", ["publish", path, "-c", "Release", "-nologo", "-v", "quiet", "-o", publishDir]);
        var name = Run("dotnet", ["msbuild", path, "-nologo", "-getProperty:TargetFileName", "-p:Configuration=Release"]).Trim();
        return Path.Combine(publishDir, name);
    }

    private static string Run(string command, string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{command}'.");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"'{command} {string.Join(' ', args)}' failed ({process.ExitCode}):{Environment.NewLine}{output}{stderr.Result}");
    }
}
