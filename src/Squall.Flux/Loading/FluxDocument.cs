using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Loading;

/// <summary>
/// A topology's YAML after substitution and includes: one root mapping whose nodes may come from several
/// files, each node remembering its own file so errors point at the right place.
/// </summary>
internal sealed class FluxDocument
{
    private readonly Dictionary<YamlNode, string> _files;

    public FluxDocument(YamlMappingNode root, string mainFile, Dictionary<YamlNode, string> files)
    {
        Root = root;
        MainFile = mainFile;
        _files = files;
    }

    public YamlMappingNode Root { get; }

    public string MainFile { get; }

    public SourceMark MarkOf(YamlNode node) =>
        new(_files.TryGetValue(node, out var file) ? file : MainFile, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>The merged document as YAML text (includes resolved, placeholders substituted): what a package ships.</summary>
    public string Save()
    {
        var copy = new YamlMappingNode();
        foreach (var (key, value) in Root.Children)
        {
            if (key is YamlScalarNode { Value: not "includes" })
            {
                copy.Add(key, value);
            }
        }

        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(copy)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
