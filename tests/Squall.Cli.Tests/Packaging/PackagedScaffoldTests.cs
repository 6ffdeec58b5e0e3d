using System.Globalization;
using System.Text.RegularExpressions;
using Squall.Cli.Tests.Support;

namespace Squall.Cli.Tests.Packaging;

/// <summary>
/// The user's path, end to end, from packages: the <c>squall</c> tool installed from a packed feed creates projects
/// (<c>squall new</c>), which restore Squall from that feed, pass their own test, and run with <c>squall run</c>
/// as they are; the <c>dotnet new</c> template gives the same project. Slow on purpose (pack, restore, builds):
/// the limits only bound a hang.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PackagedScaffoldTests(PackedFeed packed) : IClassFixture<PackedFeed>
{
    private const int RunSeconds = 8;

    [Fact]
    public void A_new_csharp_project_restores_from_the_feed_passes_its_test_and_runs()
    {
        var project = Path.Combine(packed.Root, "Demo");
        ChildProcess.Succeed(packed.Root, packed.Squall, "new", "Demo", "--source", packed.Feed).ShouldContain($"Squall {packed.Version}");

        var test = ChildProcess.Succeed(project, "dotnet", "test", "Demo.Tests", "-nologo");
        test.ShouldMatch(@"Passed:\s+1\b");
        // The project uses the packages, not this repository's sources.
        var assets = File.ReadAllText(Path.Combine(project, "Demo", "obj", "project.assets.json"));
        assets.ShouldMatch($@"""Squall/{Regex.Escape(packed.Version)}"":\s*\{{\s*""type"":\s*""package""");

        var run = ChildProcess.Succeed(project, packed.Squall, "run", "Demo", "-s", RunSeconds.ToString(CultureInfo.InvariantCulture));
        run.ShouldContain("Demo running in local mode");
        LastCount(run, "count", "executed").ShouldBeGreaterThan(0, run);
        LastCount(run, "words", "acked").ShouldBeGreaterThan(0, run);
    }

    [Fact]
    public void A_new_python_project_runs_its_python_components()
    {
        var project = Path.Combine(packed.Root, "Words");
        ChildProcess.Succeed(packed.Root, packed.Squall, "new", "Words", "--lang", "python");

        var run = ChildProcess.Succeed(project, packed.Squall, "run", "topology.yaml", "-s", RunSeconds.ToString(CultureInfo.InvariantCulture));

        run.ShouldContain("Words running in local mode");
        // Both components are Python processes: the spout's words were counted and the count bolt emitted its counts.
        LastCount(run, "words", "emitted").ShouldBeGreaterThan(0, run);
        LastCount(run, "count", "emitted").ShouldBeGreaterThan(0, run);
        LastCount(run, "words", "acked").ShouldBeGreaterThan(0, run);
    }

    [Fact]
    public void The_dotnet_new_template_makes_the_same_project_as_squall_new()
    {
        var hive = Path.Combine(packed.Root, "template-hive");
        var fromSquall = Path.Combine(packed.Root, "by-squall");
        var fromTemplate = Path.Combine(packed.Root, "by-template");
        ChildProcess.Succeed(packed.Root, packed.Squall, "new", "Acme.Orders", "-o", fromSquall);
        ChildProcess.Succeed(packed.Root, "dotnet", "new", "install", Path.Combine(packed.Feed, $"Squall.Templates.{packed.Version}.nupkg"), "--debug:custom-hive", hive);

        ChildProcess.Succeed(packed.Root, "dotnet", "new", "squall", "-n", "Acme.Orders", "-o", fromTemplate, "--debug:custom-hive", hive);

        var files = Files(fromSquall);
        Files(fromTemplate).ShouldBe(files);
        foreach (var file in files)
        {
            File.ReadAllText(Path.Combine(fromTemplate, file)).ShouldBe(File.ReadAllText(Path.Combine(fromSquall, file)), file);
        }

        File.ReadAllText(Path.Combine(fromTemplate, "Directory.Build.props")).ShouldContain($"<SquallVersion>{packed.Version}</SquallVersion>");
        // A dotted name is a namespace, never part of a class name: the project builds.
        ChildProcess.Succeed(fromTemplate, "dotnet", "build", "Acme.Orders.slnx", "-nologo");
    }

    [Fact]
    public void Every_package_has_its_readme_and_the_shared_metadata()
    {
        var packages = Directory.GetFiles(packed.Feed, "*.nupkg").Select(Path.GetFileName).ToList();
        foreach (var id in new[]
        {
            "Squall", "Squall.Runtime", "Squall.Wire", "Squall.Testing", "Squall.Multilang", "Squall.Flux", "Squall.Drpc", "Squall.Connectors.Files",
            "Squall.Connectors.RabbitMQ", "Squall.Connectors.Redis", "Squall.Connectors.Postgres", "Squall.State.Postgres", "Squall.State.Redis",
            "Squall.ChildProcesses", "Squall.Trident", "Squall.Cli", "Squall.Templates",
        })
        {
            packages.ShouldContain($"{id}.{packed.Version}.nupkg");
        }

        foreach (var package in packages)
        {
            var nuspec = Nuspec.Read(Path.Combine(packed.Feed, package!));
            nuspec.ShouldContain("<readme>README.md</readme>", customMessage: package);
            nuspec.ShouldContain("<license type=\"expression\">Apache-2.0</license>", customMessage: package);
            nuspec.ShouldContain("<authors>The Squall authors</authors>", customMessage: package);
            nuspec.ShouldMatch("<description>[^<]{20,}</description>", package);
        }
    }

    private static long LastCount(string output, string component, string counter)
    {
        var matches = Regex.Matches(output, $@"\b{Regex.Escape(component)}: emitted (?<emitted>[\d,]+) executed (?<executed>[\d,]+) acked (?<acked>[\d,]+)");
        return matches.Count == 0 ? 0 : long.Parse(matches[^1].Groups[counter].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static List<string> Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(root, f))
        .Where(f => f != "NuGet.config")
        .Order(StringComparer.Ordinal)
        .ToList();
}
