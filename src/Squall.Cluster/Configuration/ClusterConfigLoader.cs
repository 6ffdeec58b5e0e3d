using YamlDotNet.RepresentationModel;

namespace Squall.Cluster.Configuration;

/// <summary>
/// Reads <c>squall.yaml</c> (Storm's <c>storm.yaml</c> shape: a flat map of dotted keys) and applies
/// <c>-c key=value</c> on top. Scalars stay strings and sequences become string lists; the typed options
/// records parse them, so there is one place per key that knows its type and default.
/// </summary>
internal static class ClusterConfigLoader
{
    public const string FileName = "squall.yaml";

    /// <summary>The file to read: <paramref name="explicitPath"/>, else ./squall.yaml, else ~/.squall/squall.yaml, else none.</summary>
    public static string? Locate(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? explicitPath : throw new FileNotFoundException($"No configuration file at '{explicitPath}'.", explicitPath);
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".squall", FileName);
        return new[] { Path.Combine(Environment.CurrentDirectory, FileName), home }.FirstOrDefault(File.Exists);
    }

    public static Config Load(string? explicitPath, IEnumerable<string> overrides)
    {
        var conf = new Config();
        if (Locate(explicitPath) is { } path)
        {
            ReadYaml(File.ReadAllText(path), conf, path);
        }

        return ApplyOverrides(conf, overrides);
    }

    public static void ReadYaml(string text, Config conf, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{source}: not valid YAML ({e.Message}).", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException($"{source}: expected a map of keys to values.");
        }

        foreach (var (key, value) in root.Children)
        {
            conf[((YamlScalarNode)key).Value!] = value switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlSequenceNode list => list.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToList(),
                _ => throw new FormatException($"{source}: '{key}' must be a value or a list."),
            };
        }
    }

    /// <summary>Applies <c>key=value</c> pairs; a value written <c>[a,b]</c> is a list.</summary>
    public static Config ApplyOverrides(Config conf, IEnumerable<string> pairs)
    {
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Configuration '{pair}' must look like key=value.");
            }

            var value = pair[(eq + 1)..].Trim();
            conf[pair[..eq].Trim()] = value.StartsWith('[') && value.EndsWith(']')
                ? value[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
                : value;
        }

        return conf;
    }
}
