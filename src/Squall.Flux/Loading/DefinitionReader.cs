using System.Globalization;
using Squall.Flux.Model;
using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Loading;

/// <summary>
/// Turns a <see cref="FluxDocument"/> into a <see cref="TopologyDef"/>, checking shapes and refusing unknown
/// keys, every error at its node's line. Nothing is instantiated here.
/// </summary>
internal sealed class DefinitionReader
{
    private static readonly string[] RootKeys = ["name", "config", "components", "spouts", "bolts", "streams", "includes"];
    private static readonly string[] ObjectKeys = ["id", "className", "constructorArgs", "properties", "configMethods"];

    // Storm's resource-aware scheduling hints are accepted so Storm files load; Squall's scheduler does not use them.
    private static readonly string[] ComponentKeys =
        [.. ObjectKeys, "parallelism", "numTasks", "config", "shell", "onHeapMemoryLoad", "offHeapMemoryLoad", "cpuLoad"];

    private readonly FluxDocument _document;

    private DefinitionReader(FluxDocument document) => _document = document;

    public static TopologyDef Read(FluxDocument document) => new DefinitionReader(document).ReadRoot();

    private TopologyDef ReadRoot()
    {
        var root = _document.Root;
        if (root.Children.ContainsKey(new YamlScalarNode("topologySource")))
        {
            throw Error(root, "'topologySource' (a Java class building the topology) is not supported: define spouts, bolts and streams here, or write an ITopologySource in C#.");
        }

        Nodes.CheckKeys(root, Mark(root), "the topology", RootKeys);
        var name = Nodes.Scalar(root, "name") ?? throw Error(root, "the topology has no 'name'.");
        var components = List(root, "components").Select(n => ReadObject(n, "component", requireId: true)).ToList();
        var spouts = List(root, "spouts").Select(n => ReadComponent(n, isSpout: true)).ToList();
        var bolts = List(root, "bolts").Select(n => ReadComponent(n, isSpout: false)).ToList();
        var streams = List(root, "streams").Select(ReadStream).ToList();
        return new TopologyDef(name, ReadConfig(root), components, spouts, bolts, streams);
    }

    private Dictionary<string, object?> ReadConfig(YamlMappingNode map)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("config"), out var node))
        {
            return [];
        }

        return node as YamlMappingNode is { } config
            ? config.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => PlainValue.Of(p.Value), StringComparer.Ordinal)
            : throw Error(node, "'config' must be a mapping of Storm keys to values.");
    }

    private ObjectDef ReadObject(YamlNode node, string what, bool requireId)
    {
        var map = node as YamlMappingNode ?? throw Error(node, $"a {what} must be a mapping (id:, className:, ...).");
        if (what == "component" || what == "custom grouping")
        {
            Nodes.CheckKeys(map, Mark(map), $"a {what}", ObjectKeys);
        }

        var id = Nodes.Scalar(map, "id");
        if (requireId && string.IsNullOrWhiteSpace(id))
        {
            throw Error(map, $"the {what} has no 'id'.");
        }

        var className = Nodes.Scalar(map, "className") ?? throw Error(map, $"the {what} '{id}' has no 'className'.");
        var properties = List(map, "properties").Select(ReadProperty).ToList();
        var methods = List(map, "configMethods").Select(ReadMethod).ToList();
        return new ObjectDef(id, className, Mark(map), [.. List(map, "constructorArgs")], properties, methods);
    }

    private ComponentDef ReadComponent(YamlNode node, bool isSpout)
    {
        var what = isSpout ? "spout" : "bolt";
        var map = node as YamlMappingNode ?? throw Error(node, $"a {what} must be a mapping (id:, className: or shell:, parallelism:, ...).");
        Nodes.CheckKeys(map, Mark(map), $"a {what}", ComponentKeys);
        var id = Nodes.Scalar(map, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw Error(map, $"the {what} has no 'id'.");
        }

        var hasShell = map.Children.TryGetValue(new YamlScalarNode("shell"), out var shellNode);
        var hasClass = map.Children.ContainsKey(new YamlScalarNode("className"));
        if (hasShell == hasClass)
        {
            throw Error(map, $"the {what} '{id}' needs exactly one of 'className' (a .NET type) and 'shell' (a command and script).");
        }

        var parallelism = Int(map, "parallelism") ?? 1;
        return new ComponentDef(
            id,
            isSpout,
            Mark(map),
            hasClass ? ReadObject(map, what, requireId: true) : null,
            hasShell ? ReadShell(shellNode!, id) : null,
            parallelism,
            Int(map, "numTasks"),
            ReadConfig(map));
    }

    private ShellDef ReadShell(YamlNode node, string id)
    {
        var map = node as YamlMappingNode ?? throw Error(node, $"'shell' of '{id}' must be a mapping: {{ command: python3, script: split.py, fields: [word] }}.");
        Nodes.CheckKeys(map, Mark(map), "a shell", "command", "script", "fields", "streams", "env");
        var command = Nodes.Scalar(map, "command") ?? throw Error(map, $"'shell' of '{id}' has no 'command' (e.g. python3, node).");
        var script = Nodes.Scalar(map, "script") ?? throw Error(map, $"'shell' of '{id}' has no 'script'.");
        var streams = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (map.Children.TryGetValue(new YamlScalarNode("fields"), out var fields))
        {
            streams[Constants.DefaultStreamId] = Strings(fields, "fields");
        }

        if (map.Children.TryGetValue(new YamlScalarNode("streams"), out var named))
        {
            var namedMap = named as YamlMappingNode ?? throw Error(named, "'streams' maps stream ids to field lists: { errors: [reason] }.");
            foreach (var (key, value) in namedMap.Children)
            {
                streams[((YamlScalarNode)key).Value!] = Strings(value, "a stream's fields");
            }
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Children.TryGetValue(new YamlScalarNode("env"), out var envNode))
        {
            var envMap = envNode as YamlMappingNode ?? throw Error(envNode, "'env' maps variable names to values.");
            foreach (var (key, value) in envMap.Children)
            {
                env[((YamlScalarNode)key).Value!] = (value as YamlScalarNode)?.Value ?? throw Error(value, "an environment value must be a scalar.");
            }
        }

        return new ShellDef(command, script, streams, env);
    }

    private PropertyDef ReadProperty(YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw Error(node, "a property is a mapping: { name: x, value: 1 } or { name: x, ref: id }.");
        Nodes.CheckKeys(map, Mark(map), "a property", "name", "value", "ref", "reflist");
        var name = Nodes.Scalar(map, "name") ?? throw Error(map, "the property has no 'name'.");
        if (map.Children.TryGetValue(new YamlScalarNode("value"), out var value))
        {
            return new PropertyDef(name, value, Mark(map));
        }

        // A ref or reflist stays a mapping: the value converter resolves { ref: id } wherever it appears.
        var reference = new YamlMappingNode();
        foreach (var key in new[] { "ref", "reflist" })
        {
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var target))
            {
                reference.Add(key, target);
            }
        }

        return reference.Children.Count == 1
            ? new PropertyDef(name, reference, Mark(map))
            : throw Error(map, $"the property '{name}' needs exactly one of 'value', 'ref' and 'reflist'.");
    }

    private ConfigMethodDef ReadMethod(YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw Error(node, "a config method is a mapping: { name: withX, args: [...] }.");
        Nodes.CheckKeys(map, Mark(map), "a config method", "name", "args");
        var name = Nodes.Scalar(map, "name") ?? throw Error(map, "the config method has no 'name'.");
        return new ConfigMethodDef(name, [.. List(map, "args")], Mark(map));
    }

    private StreamDef ReadStream(YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw Error(node, "a stream is a mapping: { from: a, to: b, grouping: { type: SHUFFLE } }.");
        Nodes.CheckKeys(map, Mark(map), "a stream", "name", "from", "to", "grouping");
        var from = Nodes.Scalar(map, "from") ?? throw Error(map, "the stream has no 'from'.");
        var to = Nodes.Scalar(map, "to") ?? throw Error(map, "the stream has no 'to'.");
        if (!map.Children.TryGetValue(new YamlScalarNode("grouping"), out var groupingNode) || groupingNode is not YamlMappingNode grouping)
        {
            throw Error(map, $"the stream {from} -> {to} has no 'grouping' mapping ({{ type: SHUFFLE }}).");
        }

        Nodes.CheckKeys(grouping, Mark(grouping), "a grouping", "type", "streamId", "args", "customClass");
        var type = Nodes.Scalar(grouping, "type") ?? throw Error(grouping, "the grouping has no 'type'.");
        var args = grouping.Children.TryGetValue(new YamlScalarNode("args"), out var argsNode) ? Strings(argsNode, "args") : [];
        var custom = grouping.Children.TryGetValue(new YamlScalarNode("customClass"), out var customNode)
            ? ReadObject(customNode, "custom grouping", requireId: false)
            : null;
        var groupingDef = new GroupingDef(type.ToUpperInvariant(), Nodes.Scalar(grouping, "streamId") ?? Constants.DefaultStreamId, args, custom, Mark(grouping));
        return new StreamDef(Nodes.Scalar(map, "name"), from, to, groupingDef, Mark(map));
    }

    private IEnumerable<YamlNode> List(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return [];
        }

        return node as YamlSequenceNode ?? throw Error(node, $"'{key}' must be a list.");
    }

    private string[] Strings(YamlNode node, string what) =>
        node is YamlSequenceNode list
            ? [.. list.Children.Select(n => (n as YamlScalarNode)?.Value ?? throw Error(n, $"{what} must be a list of names."))]
            : throw Error(node, $"{what} must be a list of names: [a, b].");

    private int? Int(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        return node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"'{key}' must be a whole number.");
    }

    private SourceMark Mark(YamlNode node) => _document.MarkOf(node);

    private FluxException Error(YamlNode node, string problem) => new(Mark(node), problem);
}
