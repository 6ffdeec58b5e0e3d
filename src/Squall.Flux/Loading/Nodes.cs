using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Loading;

/// <summary>Small readers over YAML nodes that fail with the node's position and the expected shape.</summary>
internal static class Nodes
{
    public static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    public static IEnumerable<YamlNode> Sequence(YamlNode node, string file, string what) =>
        node as YamlSequenceNode
        ?? throw new FluxException(new SourceMark(file, (int)node.Start.Line, (int)node.Start.Column), $"'{what}' must be a list.");

    /// <summary>Refuses keys this reader does not know: a typo would otherwise be ignored silently.</summary>
    public static void CheckKeys(YamlMappingNode map, SourceMark mark, string what, params string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !known.Contains(name, StringComparer.Ordinal))
            {
                throw new FluxException(
                    mark with { Line = (int)key.Start.Line, Column = (int)key.Start.Column },
                    $"unknown key '{name}' in {what} (known: {string.Join(", ", known)}).");
            }
        }
    }
}
