using System.Diagnostics;

namespace Squall.Cli;

/// <summary>Finds the <see cref="ITopologySource"/> in a user's project or assembly.</summary>
internal static class TopologyLoader
{
    /// <summary>Builds <paramref name="projectOrDll"/> if it is a project, loads it, and creates its topology source.</summary>
    public static ITopologySource Load(string projectOrDll, string? sourceName)
    {
        var dll = projectOrDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(projectOrDll) : BuildProject(projectOrDll);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No topology assembly at '{dll}'.", dll);
        }

        var assembly = new TopologyLoadContext(dll).LoadFromAssemblyPath(dll);
        var candidates = assembly.GetTypes()
            .Where(t => typeof(ITopologySource).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => sourceName is null || t.Name == sourceName || t.FullName == sourceName)
            .ToList();
        return candidates.Count switch
        {
            1 => (ITopologySource)Activator.CreateInstance(candidates[0])!,
            0 => throw new InvalidOperationException($"'{dll}' has no public ITopologySource with a parameterless constructor{(sourceName is null ? string.Empty : $" named '{sourceName}'")}."),
            _ => throw new InvalidOperationException($"'{dll}' has several topology sources ({string.Join(", ", candidates.Select(c => c.Name))}); choose one with --topology."),
        };
    }

    private static string BuildProject(string project)
    {
        var path = Path.GetFullPath(project);
        Run("dotnet", ["build", path, "-c", "Release", "-nologo", "-v", "quiet"]);
        return Run("dotnet", ["msbuild", path, "-nologo", "-getProperty:TargetPath", "-p:Configuration=Release"]).Trim();
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
