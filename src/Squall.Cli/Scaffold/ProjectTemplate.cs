using System.Reflection;
using System.Text.RegularExpressions;

namespace Squall.Cli.Scaffold;

/// <summary>
/// A project template embedded from <c>templates/content</c> — the very files the Squall.Templates package gives
/// <c>dotnet new</c> — rendered as <c>dotnet new</c> renders them: the source name <c>SquallApp</c> becomes the
/// project's name in paths and text, and <c>SQUALL_VERSION</c> the version of the Squall packages to reference.
/// </summary>
internal sealed partial class ProjectTemplate
{
    private const string SourceName = "SquallApp";
    private const string VersionToken = "SQUALL_VERSION";
    private const string ResourcePrefix = "templates/";
    private const string TemplateConfigFolder = ".template.config/";

    private static readonly Dictionary<string, ProjectTemplate> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = new("squall-csharp", "cd {0} && dotnet test && squall run {1} -s 10"),
        ["python"] = new("squall-python", "cd {0} && squall run topology.yaml -s 10"),
    };

    private readonly string _folder;
    private readonly string _nextSteps;

    private ProjectTemplate(string folder, string nextSteps)
    {
        _folder = folder;
        _nextSteps = nextSteps;
    }

    /// <summary>The languages <c>--lang</c> accepts.</summary>
    public static IEnumerable<string> Languages => ByLanguage.Keys;

    public static ProjectTemplate For(string language) => ByLanguage.TryGetValue(language, out var template)
        ? template
        : throw new ArgumentException($"Unknown --lang '{language}'; use one of: {string.Join(", ", Languages)}.");

    /// <summary>The name as given, if it can be a C# namespace and a NuGet package id that is not one of Squall's.</summary>
    public static string ValidateName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' cannot name a project: use letters, digits and '_', in parts separated by '.', each starting with a letter.");
        }

        return name.Equals("Squall", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Squall.", StringComparison.OrdinalIgnoreCase)
            ? throw new ArgumentException($"'{name}' is taken by Squall's own packages; choose another name.")
            : name;
    }

    /// <summary>Writes the rendered template into <paramref name="directory"/> (new or empty) and returns the files written, relative to it.</summary>
    public IReadOnlyList<string> WriteTo(string directory, string name, string squallVersion)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new IOException($"'{directory}' already exists and is not empty; choose another name or --output.");
        }

        var assembly = typeof(ProjectTemplate).Assembly;
        var prefix = $"{ResourcePrefix}{_folder}/";
        var written = new List<string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var relative = resource[prefix.Length..];
            if (relative.StartsWith(TemplateConfigFolder, StringComparison.Ordinal))
            {
                continue;   // dotnet new's own description of the template
            }

            var path = Path.Combine(directory, relative.Replace(SourceName, name, StringComparison.Ordinal));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Render(assembly, resource, name, squallVersion));
            written.Add(Path.GetRelativePath(directory, path));
        }

        return written.Count > 0 ? written : throw new InvalidOperationException($"This squall has no '{_folder}' template embedded.");
    }

    /// <summary>What to type next, for a project written to <paramref name="directory"/>.</summary>
    public string NextSteps(string directory, string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, _nextSteps, directory, name);

    private static string Render(Assembly assembly, string resource, string name, string squallVersion)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace(SourceName, name, StringComparison.Ordinal).Replace(VersionToken, squallVersion, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$")]
    private static partial Regex NamePattern();
}
