using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Squall.Flux;

namespace Squall.Cluster.Packaging;

/// <summary>Finds the <see cref="ITopologySource"/> in a user's project, assembly or unpacked package.</summary>
internal static class TopologyLoader
{
    /// <summary>Builds <paramref name="projectOrDll"/> if it is a project, loads it, and creates its topology source.</summary>
    public static ITopologySource Load(string projectOrDll, string? sourceName)
    {
        var dll = ResolveAssembly(projectOrDll, publishDir: null);
        return Create(FindSourceType(LoadAssembly(new TopologyLoadContext(dll), dll), sourceName));
    }

    /// <summary>Loads <paramref name="dll"/> into <paramref name="context"/>, turning "not an assembly" into a message that says so.</summary>
    public static Assembly LoadAssembly(AssemblyLoadContext context, string dll)
    {
        try
        {
            return context.LoadFromAssemblyPath(dll);
        }
        catch (BadImageFormatException)
        {
            throw new InvalidDataException($"'{dll}' is not a .NET assembly.");
        }
    }

    /// <summary>Loads an unpacked package in its own load context and creates the source its manifest names.</summary>
    public static ITopologySource LoadPackage(string packageDir, PackageManifest manifest, bool isCollectible = false)
    {
        if (manifest.Definition is { } definition)
        {
            // A YAML topology: its placeholders were filled at submit time, so nothing is read from this host's environment.
            return FluxTopology.Load(ResolveInPackage(packageDir, definition, "definition"), new FluxOptions
            {
                Environment = _ => null,
                ResourcesDirectory = Path.Combine(packageDir, FluxTopology.PackagedResourcesFolder),
            });
        }

        var dll = ResolveMainAssembly(packageDir, manifest);
        var assembly = LoadAssembly(new TopologyLoadContext(dll, isCollectible), dll);
        return Create(FindSourceType(assembly, manifest.SourceType));
    }

    /// <summary>The manifest's assembly (or YAML definition), which must be a file inside the package (no absolute path, no <c>..</c>).</summary>
    public static string ResolveMainAssembly(string packageDir, PackageManifest manifest) =>
        manifest.Definition is { } definition ? ResolveInPackage(packageDir, definition, "definition") : ResolveInPackage(packageDir, manifest.MainAssembly, "assembly");

    private static string ResolveInPackage(string packageDir, string relative, string what)
    {
        var root = Path.GetFullPath(packageDir) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, relative));
        if (Path.IsPathRooted(relative) || !path.StartsWith(root, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The manifest's {what} '{relative}' is outside the package.");
        }

        return File.Exists(path) ? path : throw new InvalidDataException($"The package has no '{relative}', which its manifest names.");
    }

    /// <summary>The topology assembly for <paramref name="projectOrDll"/>: the DLL itself, or the project built (or published, when <paramref name="publishDir"/> is given).</summary>
    public static string ResolveAssembly(string projectOrDll, string? publishDir)
    {
        if (!projectOrDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !File.Exists(projectOrDll) && !Directory.Exists(projectOrDll))
        {
            throw new FileNotFoundException($"No project or assembly at '{Path.GetFullPath(projectOrDll)}'.", projectOrDll);
        }

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

    /// <summary>The first line of a build's output that reports an error (one line for the user; the build itself shows the rest).</summary>
    private static string FirstError(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.FirstOrDefault() ?? "no output";
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
            : throw new InvalidOperationException($"'{command} {args[0]} {args[1]}' failed (exit code {process.ExitCode}): {FirstError(output + Environment.NewLine + stderr.Result)}");
    }
}
