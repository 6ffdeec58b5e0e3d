using Squall.Cli.Tests.Support;

namespace Squall.Cli.Tests.Packaging;

/// <summary>
/// Squall packed from this repository into a temporary feed, and the <c>squall</c> tool installed from it into a
/// temporary folder, as a user would install it. Everything lives under one temporary folder whose NuGet.config
/// keeps the restored packages there too (the machine's own package folder is only read), and the version is new
/// on every run, so no earlier pack is ever picked up from a cache.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(30);
    private readonly TempDir _dir = new("squall-packed-");

    public PackedFeed()
    {
        Directory.CreateDirectory(Feed);
        File.WriteAllText(_dir.Path("NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{_dir.Path("packages")}" />
              </config>
              <packageSources>
                <add key="packed" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{MachinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        var pack = ChildProcess.Run(RepoRoot, "dotnet",
        [
            "pack", Path.Combine(RepoRoot, "Squall.slnx"), "-c", "Release", "-o", Feed, "-nologo", $"-p:VersionSuffix=test.t{DateTime.UtcNow:yyyyMMddHHmmss}",
            // Built apart from the repository's own bin/ and obj/, which developers and ./squall use.
            "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={_dir.Path("build")}",
        ], PackLimit);
        PackOutput = pack.Output;
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed ({pack.ExitCode}):{Environment.NewLine}{pack.Output}");
        }

        const string tool = "Squall.Cli.";
        Version = Path.GetFileNameWithoutExtension(Directory.GetFiles(Feed, $"{tool}*.nupkg").Single())[tool.Length..];
        ChildProcess.Succeed(Root, "dotnet", "tool", "install", "Squall.Cli", "--tool-path", _dir.Path("tools"), "--add-source", Feed, "--version", Version);
    }

    /// <summary>The temporary folder: projects are created here, under its NuGet.config.</summary>
    public string Root => _dir.Root;

    public string Feed => _dir.Path("feed");

    /// <summary>The version every package of this pack has.</summary>
    public string Version { get; }

    /// <summary>What <c>dotnet pack</c> printed (its warnings, if any).</summary>
    public string PackOutput { get; }

    /// <summary>The installed tool's command.</summary>
    public string Squall => _dir.Path("tools", "squall");

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string MachinePackages => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Dispose() => _dir.Dispose();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Squall.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Squall.slnx above {AppContext.BaseDirectory}.");
    }
}
