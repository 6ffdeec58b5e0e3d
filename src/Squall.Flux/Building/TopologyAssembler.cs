using Squall.Flux.Model;

namespace Squall.Flux.Building;

/// <summary>
/// Wires a <see cref="TopologyDef"/> into a <see cref="TopologyBuilder"/>. Every spout and bolt is created once
/// here, so a bad type, argument or property fails now with its YAML line rather than later inside a task;
/// the factories then make a fresh instance (with fresh referenced components) for every task.
/// </summary>
internal sealed class TopologyAssembler
{
    private readonly TopologyDef _definition;
    private readonly string _resources;
    private readonly string _file;
    private readonly Dictionary<string, ObjectDef> _components;

    public TopologyAssembler(TopologyDef definition, string file, string resources)
    {
        _definition = definition;
        _file = file;
        _resources = resources;
        _components = new Dictionary<string, ObjectDef>(StringComparer.Ordinal);
        foreach (var component in definition.Components)
        {
            if (!_components.TryAdd(component.Id!, component))
            {
                throw new FluxException(component.Mark, $"the component id '{component.Id}' is used twice.");
            }
        }
    }

    public StormTopology Assemble()
    {
        var builder = new TopologyBuilder();
        foreach (var spout in _definition.Spouts)
        {
            var factory = SpoutFactory(spout);
            Apply(builder.SetSpout(spout.Id, factory, spout.Parallelism), spout);
        }

        var declarers = new Dictionary<string, BoltDeclarer>(StringComparer.Ordinal);
        foreach (var bolt in _definition.Bolts)
        {
            var declarer = Create(bolt) switch
            {
                IRichBolt => builder.SetBolt(bolt.Id, () => (IRichBolt)Create(bolt), bolt.Parallelism),
                IBasicBolt => builder.SetBolt(bolt.Id, () => (IBasicBolt)Create(bolt), bolt.Parallelism),
                var other => throw new FluxException(bolt.Mark, $"'{other.GetType().FullName}' is not a bolt (IRichBolt or IBasicBolt)."),
            };
            declarers[bolt.Id] = Apply(declarer, bolt);
        }

        var ids = _definition.Spouts.Select(s => s.Id).Concat(_definition.Bolts.Select(b => b.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var stream in _definition.Streams)
        {
            if (!ids.Contains(stream.From))
            {
                throw new FluxException(stream.Mark, $"the stream comes from '{stream.From}', which is neither a spout nor a bolt here.");
            }

            if (!declarers.TryGetValue(stream.To, out var declarer))
            {
                throw new FluxException(stream.Mark, $"the stream goes to '{stream.To}', which is not a bolt here{(ids.Contains(stream.To) ? " (a spout cannot subscribe)" : string.Empty)}.");
            }

            Group(declarer, stream);
        }

        try
        {
            return builder.CreateTopology();
        }
        catch (InvalidTopologyException e)
        {
            throw new FluxException($"{_file}: {e.Message}", e);
        }
    }

    private Func<IRichSpout> SpoutFactory(ComponentDef spout) => Create(spout) is IRichSpout
        ? () => (IRichSpout)Create(spout)
        : throw new FluxException(spout.Mark, $"'{spout.Object?.ClassName}' is not a spout (IRichSpout).");

    private void Group(BoltDeclarer declarer, StreamDef stream)
    {
        var grouping = stream.Grouping;
        var (from, streamId) = (stream.From, grouping.StreamId);
        switch (grouping.Type)
        {
            case "SHUFFLE":
                declarer.ShuffleGrouping(from, streamId);
                break;
            case "LOCAL_OR_SHUFFLE":
                declarer.LocalOrShuffleGrouping(from, streamId);
                break;
            case "FIELDS":
                declarer.FieldsGrouping(from, streamId, FieldsOf(grouping));
                break;
            case "PARTIAL_KEY":
                declarer.PartialKeyGrouping(from, streamId, FieldsOf(grouping));
                break;
            case "ALL":
                declarer.AllGrouping(from, streamId);
                break;
            case "GLOBAL":
                declarer.GlobalGrouping(from, streamId);
                break;
            case "NONE":
                declarer.NoneGrouping(from, streamId);
                break;
            case "DIRECT":
                declarer.DirectGrouping(from, streamId);
                break;
            case "CUSTOM":
                var custom = grouping.CustomClass ?? throw new FluxException(grouping.Mark, "a CUSTOM grouping needs 'customClass'.");
                if (ObjectBuilder.Create(custom, new ObjectScope(_components)) is not ICustomStreamGrouping)
                {
                    throw new FluxException(custom.Mark, $"'{custom.ClassName}' is not an ICustomStreamGrouping.");
                }

                declarer.CustomGrouping(from, streamId, () => (ICustomStreamGrouping)ObjectBuilder.Create(custom, new ObjectScope(_components)));
                break;
            default:
                throw new FluxException(grouping.Mark,
                    $"unknown grouping type '{grouping.Type}' (known: SHUFFLE, LOCAL_OR_SHUFFLE, FIELDS, PARTIAL_KEY, ALL, GLOBAL, NONE, DIRECT, CUSTOM).");
        }
    }

    private static Fields FieldsOf(GroupingDef grouping) => grouping.Args.Count > 0
        ? new Fields([.. grouping.Args])
        : throw new FluxException(grouping.Mark, $"a {grouping.Type} grouping needs 'args': the field names to group by.");

    private static T Apply<T>(T declarer, ComponentDef component)
        where T : ComponentDeclarer<T>
    {
        if (component.NumTasks is { } tasks)
        {
            declarer.SetNumTasks(tasks);
        }

        return component.Config.Count > 0 ? declarer.AddConfigurations(component.Config) : declarer;
    }

    private object Create(ComponentDef component)
    {
        if (component.Shell is { } shell)
        {
            return component.IsSpout ? ShellFactory.Spout(shell, _resources) : ShellFactory.Bolt(shell, _resources);
        }

        var definition = component.Object!;
        if (ShellFactory.IsShell(definition))
        {
            var storm = ShellFactory.FromStorm(definition, component.IsSpout);
            return component.IsSpout ? ShellFactory.Spout(storm, _resources) : ShellFactory.Bolt(storm, _resources);
        }

        return ObjectBuilder.Create(definition, new ObjectScope(_components));
    }
}
