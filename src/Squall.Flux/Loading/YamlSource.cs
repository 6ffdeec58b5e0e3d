using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Loading;

/// <summary>
/// Reads a topology file and its <c>includes</c> (recursively, relative to the including file, cycles refused)
/// into one <see cref="FluxDocument"/>. Merging follows Flux: <c>config</c> merges key by key, <c>components</c>,
/// <c>spouts</c> and <c>bolts</c> merge by <c>id</c>, <c>streams</c> are appended; on a clash the including
/// file wins unless the include says <c>override: true</c>.
/// </summary>
internal static class YamlSource
{
    private static readonly string[] ById = ["components", "spouts", "bolts"];

    public static FluxDocument Load(string path, IReadOnlyDictionary<string, string> properties, Func<string, string?> environment)
    {
        var full = Path.GetFullPath(path);
        var files = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        var root = LoadFile(full, properties, environment, files, [full]);
        return new FluxDocument(root, full, files);
    }

    private static YamlMappingNode LoadFile(
        string file, IReadOnlyDictionary<string, string> properties, Func<string, string?> environment, Dictionary<YamlNode, string> files, HashSet<string> chain)
    {
        if (!File.Exists(file))
        {
            throw new FluxException($"The topology file '{file}' does not exist.");
        }

        var text = Substitution.Apply(File.ReadAllText(file), file, properties, environment);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FluxException(new SourceMark(file, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FluxException(new SourceMark(file, 1, 1), "a topology file must be a YAML mapping (name:, spouts:, bolts:, streams:, ...).");
        }

        foreach (var node in root.AllNodes)
        {
            files[node] = file;
        }

        if (root.Children.TryGetValue(new YamlScalarNode("includes"), out var includes))
        {
            foreach (var include in Nodes.Sequence(includes, file, "includes"))
            {
                MergeInclude(root, include, file, properties, environment, files, chain);
            }
        }

        return root;
    }

    private static void MergeInclude(
        YamlMappingNode root, YamlNode include, string file, IReadOnlyDictionary<string, string> properties, Func<string, string?> environment,
        Dictionary<YamlNode, string> files, HashSet<string> chain)
    {
        var mark = new SourceMark(file, (int)include.Start.Line, (int)include.Start.Column);
        var map = include as YamlMappingNode ?? throw new FluxException(mark, "an include is a mapping: { file: other.yaml, override: false }.");
        Nodes.CheckKeys(map, mark, "include", "file", "override", "resource");
        if (Nodes.Scalar(map, "resource") is "true")
        {
            throw new FluxException(mark, "'resource: true' (a Java classpath resource) has no meaning here: name a file.");
        }

        var target = Nodes.Scalar(map, "file") ?? throw new FluxException(mark, "the include has no 'file'.");
        var overrides = Nodes.Scalar(map, "override") is "true";
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
        if (!chain.Add(full))
        {
            throw new FluxException(mark, $"'{target}' includes itself (through {string.Join(" -> ", chain.Select(Path.GetFileName))}).");
        }

        var included = LoadFile(full, properties, environment, files, chain);
        chain.Remove(full);
        foreach (var (key, value) in included.Children)
        {
            var name = ((YamlScalarNode)key).Value;
            if (name == "includes")
            {
                continue;
            }

            if (!root.Children.TryGetValue(key, out var existing))
            {
                root.Children[key] = value;
            }
            else if (name == "config" && existing is YamlMappingNode mine && value is YamlMappingNode theirs)
            {
                MergeMap(mine, theirs, overrides);
            }
            else if (ById.Contains(name) && existing is YamlSequenceNode myList && value is YamlSequenceNode theirList)
            {
                MergeById(myList, theirList, overrides);
            }
            else if (name == "streams" && existing is YamlSequenceNode myStreams && value is YamlSequenceNode theirStreams)
            {
                foreach (var stream in theirStreams)
                {
                    myStreams.Add(stream);
                }
            }
            else if (overrides)
            {
                root.Children[key] = value;
            }
        }
    }

    private static void MergeMap(YamlMappingNode mine, YamlMappingNode theirs, bool overrides)
    {
        foreach (var (key, value) in theirs.Children)
        {
            if (overrides || !mine.Children.ContainsKey(key))
            {
                mine.Children[key] = value;
            }
        }
    }

    private static void MergeById(YamlSequenceNode mine, YamlSequenceNode theirs, bool overrides)
    {
        foreach (var item in theirs)
        {
            var id = item is YamlMappingNode map ? Nodes.Scalar(map, "id") : null;
            var index = id is null ? -1 : mine.Children.ToList().FindIndex(n => n is YamlMappingNode m && Nodes.Scalar(m, "id") == id);
            if (index < 0)
            {
                mine.Add(item);
            }
            else if (overrides)
            {
                mine.Children[index] = item;
            }
        }
    }
}
