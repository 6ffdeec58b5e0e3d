using System.CommandLine;
using System.Reflection;
using Squall.Cli.Scaffold;

namespace Squall.Cli;

/// <summary><c>squall new NAME [--lang csharp|python]</c>: creates a topology project that <c>squall run</c> and <c>squall submit</c> take as it is.</summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The project's name: its folder, C# namespace and topology name." };
        var language = new Option<string>("--lang", "-l")
        {
            Description = $"csharp: a C# topology (spout, bolt, ITopologySource) and its test project; python: a YAML topology with Python components. One of: {string.Join(", ", ProjectTemplate.Languages)}.",
            DefaultValueFactory = _ => "csharp",
        };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to create (default: ./NAME); it must be new or empty." };
        var source = new Option<string?>("--source") { Description = "A NuGet feed (folder or URL) with the Squall packages, added in the project's NuGet.config (e.g. ./artifacts after ./pack)." };
        var command = new Command("new", "Creates a topology project (C# or Python), like `dotnet new squall` or streamparse's `sparse quickstart`.") { name, language, output, source };
        command.SetAction((result, _) => CliErrors.Run(() =>
        {
            var template = ProjectTemplate.For(result.GetValue(language)!);
            var projectName = ProjectTemplate.ValidateName(result.GetValue(name)!);
            var directory = result.GetValue(output) ?? projectName;
            var files = template.WriteTo(Path.GetFullPath(directory), projectName, PackageVersion);
            if (result.GetValue(source) is { } feed)
            {
                NuGetConfig.Write(Path.GetFullPath(directory), feed);
            }

            Console.WriteLine($"Created {directory}/ ({files.Count} files, Squall {PackageVersion}). Next:");
            Console.WriteLine($"  {template.NextSteps(directory, projectName)}");
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>This squall's own version (its packages'), which a new project references; without the commit suffix.</summary>
    private static string PackageVersion =>
        typeof(NewCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
}
