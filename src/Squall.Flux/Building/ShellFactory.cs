using Squall.Flux.Model;
using Squall.Multilang;
using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Building;

/// <summary>
/// Makes multilang components: Squall's <c>shell:</c> form, and Storm's <c>FluxShellSpout</c>/<c>FluxShellBolt</c>
/// with constructor arguments <c>[[command, script], [fields]]</c>, so Storm's YAML files load unchanged. The
/// child runs in the topology's resources folder; Squall's <c>storm.py</c>/<c>storm.js</c> adapters are put on
/// <c>PYTHONPATH</c>/<c>NODE_PATH</c>, so <c>import storm</c> works without copying the adapter.
/// </summary>
internal static class ShellFactory
{
    private static readonly string[] BoltNames = ["org.apache.storm.flux.wrappers.bolts.FluxShellBolt", "FluxShellBolt"];
    private static readonly string[] SpoutNames = ["org.apache.storm.flux.wrappers.spouts.FluxShellSpout", "FluxShellSpout"];

    public static bool IsShell(ObjectDef definition) =>
        BoltNames.Contains(definition.ClassName, StringComparer.Ordinal) || SpoutNames.Contains(definition.ClassName, StringComparer.Ordinal);

    /// <summary>Reads Storm's FluxShell* constructor arguments as a <see cref="ShellDef"/>.</summary>
    public static ShellDef FromStorm(ObjectDef definition, bool isSpout)
    {
        var expected = isSpout ? SpoutNames : BoltNames;
        if (!expected.Contains(definition.ClassName, StringComparer.Ordinal))
        {
            throw new FluxException(definition.Mark, $"'{definition.ClassName}' is a {(isSpout ? "bolt" : "spout")}, declared under {(isSpout ? "spouts" : "bolts")}.");
        }

        if (definition.ConstructorArgs is not [YamlSequenceNode command, YamlSequenceNode fields] || definition.Properties.Count + definition.ConfigMethods.Count > 0)
        {
            throw new FluxException(definition.Mark, "a FluxShell component takes constructorArgs [[command, script], [output fields]] and nothing else.");
        }

        var argv = command.Children.Select(n => (n as YamlScalarNode)?.Value ?? string.Empty).ToArray();
        if (argv.Length != 2)
        {
            throw new FluxException(definition.Mark,
                $"Squall runs a shell component as exactly [command, script] (got {argv.Length} words); put further arguments in the script or use 'shell:' with 'env:'.");
        }

        var names = fields.Children.Select(n => (n as YamlScalarNode)?.Value ?? string.Empty).ToArray();
        return new ShellDef(argv[0], argv[1], new Dictionary<string, string[]> { [Constants.DefaultStreamId] = names }, new Dictionary<string, string>());
    }

    public static ShellBolt Bolt(ShellDef shell, string resources) => Configure(new ShellBolt(shell.Command, shell.Script), shell, resources);

    public static ShellSpout Spout(ShellDef shell, string resources) => Configure(new ShellSpout(shell.Command, shell.Script), shell, resources);

    private static T Configure<T>(T component, ShellDef shell, string resources)
        where T : ShellComponent<T>
    {
        component.WithResourcesDirectory(resources);
        foreach (var (stream, fields) in shell.Streams)
        {
            component.DeclareStream(stream, fields);
        }

        var adapters = Path.Combine(AppContext.BaseDirectory, "resources");
        component.WithEnvironment("PYTHONPATH", Prepend(adapters, Environment.GetEnvironmentVariable("PYTHONPATH")));
        component.WithEnvironment("NODE_PATH", Prepend(adapters, Environment.GetEnvironmentVariable("NODE_PATH")));
        foreach (var (name, value) in shell.Environment)
        {
            component.WithEnvironment(name, value);
        }

        return component;
    }

    private static string Prepend(string path, string? existing) =>
        string.IsNullOrEmpty(existing) ? path : path + Path.PathSeparator + existing;
}
