namespace Squall;

/// <summary>
/// Checks a topology before anything runs and builds its <see cref="StormTopology"/>. Every problem names
/// its component; all problems are reported at once.
/// </summary>
internal static class TopologyValidator
{
    public static StormTopology Build(IReadOnlyList<ComponentDefinition> definitions)
    {
        var problems = new List<string>();
        var unique = CheckIds(definitions, problems);
        var stateful = AddCheckpointing(unique, problems);
        var specs = new List<ComponentSpec>();
        foreach (var definition in unique.Values)
        {
            CheckParallelism(definition, problems);
            if (Declare(definition, problems, stateful) is { } spec)
            {
                specs.Add(spec);
            }
        }

        var byId = specs.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            foreach (var subscription in spec.Subscriptions)
            {
                CheckSubscription(spec, subscription, byId, unique, problems);
            }
        }

        if (specs.Count > 0 && !specs.Any(s => s.IsSpout))
        {
            problems.Add("The topology has no spout: nothing would ever emit a tuple.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidTopologyException(problems);
        }

        return new StormTopology([.. specs.OrderBy(s => s.Id, StringComparer.Ordinal)]);
    }

    private static Dictionary<string, ComponentDefinition> CheckIds(IReadOnlyList<ComponentDefinition> definitions, List<string> problems)
    {
        var unique = new Dictionary<string, ComponentDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (string.IsNullOrWhiteSpace(definition.Id))
            {
                problems.Add("A component has an empty id.");
            }
            else if (definition.Id.StartsWith(Constants.ReservedPrefix, StringComparison.Ordinal))
            {
                problems.Add($"Component '{definition.Id}': ids starting with '{Constants.ReservedPrefix}' are reserved for the system.");
            }
            else if (!unique.TryAdd(definition.Id, definition))
            {
                problems.Add($"Component '{definition.Id}' is declared more than once; component ids must be unique.");
            }
        }

        return unique;
    }

    private static void CheckParallelism(ComponentDefinition definition, List<string> problems)
    {
        if (definition.ParallelismHint < 1)
        {
            problems.Add($"Component '{definition.Id}': the parallelism hint must be at least 1, but is {definition.ParallelismHint}.");
        }

        if (definition.NumTasks is < 1)
        {
            problems.Add($"Component '{definition.Id}': the number of tasks must be at least 1, but is {definition.NumTasks}.");
        }
        else if (definition.NumTasks is { } tasks && definition.ParallelismHint > tasks)
        {
            problems.Add($"Component '{definition.Id}': {definition.ParallelismHint} executors for only {tasks} tasks; an executor runs at least one task.");
        }
    }

    // A topology with a stateful bolt gets the checkpoint spout and a checkpoint stream through every bolt (as Storm's builder).
    private static bool AddCheckpointing(Dictionary<string, ComponentDefinition> unique, List<string> problems)
    {
        var stateful = unique.Values.Any(d => !d.IsSpout && SystemStreams.IsStateful(TryCreate(d)));
        if (!stateful)
        {
            return false;
        }

        if (unique.ContainsKey(Stateful.Checkpoint.ComponentId))
        {
            problems.Add($"Component '{Stateful.Checkpoint.ComponentId}': the id is reserved for the checkpoint spout of a topology with stateful bolts.");
            return true;
        }

        var bolts = unique.Values.Where(d => !d.IsSpout).ToList();
        foreach (var bolt in bolts)
        {
            var copy = new ComponentDefinition(bolt.Id, isSpout: false, bolt.Factory, bolt.ParallelismHint) { NumTasks = bolt.NumTasks };
            foreach (var (key, value) in bolt.Configuration)
            {
                copy.Configuration[key] = value;
            }

            copy.Subscriptions.AddRange(bolt.Subscriptions);
            copy.Subscriptions.AddRange(SystemStreams.CheckpointInputs(bolt, unique));
            unique[bolt.Id] = copy;
        }

        unique[Stateful.Checkpoint.ComponentId] = new ComponentDefinition(Stateful.Checkpoint.ComponentId, isSpout: true, () => new CheckpointSpoutDeclaration(), 1);
        return true;
    }

    private static IComponent? TryCreate(ComponentDefinition definition)
    {
        try
        {
            return definition.Factory();
        }
        catch (Exception)
        {
            return null; // Declare reports the failure
        }
    }

    private static ComponentSpec? Declare(ComponentDefinition definition, List<string> problems, bool stateful)
    {
        IComponent instance;
        try
        {
            instance = definition.Factory();
        }
        catch (Exception e)
        {
            problems.Add($"Component '{definition.Id}': its factory threw {e.GetType().Name}: {e.Message}");
            return null;
        }

        if (instance is null || (definition.IsSpout ? instance is not IRichSpout : instance is not (IRichBolt or Windowing.IWindowedBolt)))
        {
            problems.Add($"Component '{definition.Id}': its factory returned {instance?.GetType().Name ?? "null"}, not a {(definition.IsSpout ? "spout" : "bolt")}.");
            return null;
        }

        var declarer = new OutputFieldsDeclarer();
        try
        {
            instance.DeclareOutputFields(declarer);
        }
        catch (Exception e)
        {
            problems.Add($"Component '{definition.Id}': DeclareOutputFields threw {e.GetType().Name}: {e.Message}");
            return null;
        }

        problems.AddRange(declarer.Problems.Select(p => $"Component '{definition.Id}' {p}."));
        var streams = new Dictionary<string, StreamDescriptor>(StringComparer.Ordinal);
        foreach (var (streamId, declaration) in declarer.Streams)
        {
            streams[streamId] = new StreamDescriptor(definition.Id, streamId, declaration.Fields, declaration.IsDirect) { Index = streams.Count };
        }

        var configuration = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in instance.GetComponentConfiguration() ?? new Dictionary<string, object?>())
        {
            configuration[key] = value;
        }

        foreach (var (key, value) in definition.Configuration)
        {
            configuration[key] = value;
        }

        SystemStreams.Add(instance, configuration, streams, definition.Id, stateful);

        return new ComponentSpec(definition, streams, configuration);
    }

    private static void CheckSubscription(
        ComponentSpec bolt,
        Subscription subscription,
        Dictionary<string, ComponentSpec> specs,
        Dictionary<string, ComponentDefinition> definitions,
        List<string> problems)
    {
        var prefix = $"Bolt '{bolt.Id}'";
        if (!specs.TryGetValue(subscription.SourceComponent, out var source))
        {
            if (!definitions.ContainsKey(subscription.SourceComponent))
            {
                problems.Add($"{prefix} subscribes to unknown component '{subscription.SourceComponent}'.");
            }

            return;
        }

        if (!source.Streams.TryGetValue(subscription.StreamId, out var stream))
        {
            var declared = source.Streams.Count == 0 ? "none" : string.Join(", ", source.Streams.Keys);
            problems.Add($"{prefix} subscribes to stream '{subscription.StreamId}' of '{source.Id}', which '{source.Id}' does not declare (it declares: {declared}).");
            return;
        }

        if (subscription.Kind is GroupingKind.Fields or GroupingKind.PartialKey)
        {
            var fields = subscription.GroupingFields!;
            if (fields.Count == 0)
            {
                problems.Add($"{prefix} groups stream '{stream.StreamId}' of '{source.Id}' by an empty list of fields.");
            }

            foreach (var field in fields.Where(f => !stream.Fields.Contains(f)))
            {
                problems.Add($"{prefix} groups stream '{stream.StreamId}' of '{source.Id}' by field '{field}', which that stream does not declare (its fields: {stream.Fields}).");
            }
        }

        if (subscription.Kind == GroupingKind.Direct && !stream.IsDirect)
        {
            problems.Add($"{prefix} uses a direct grouping on stream '{stream.StreamId}' of '{source.Id}', which is not declared direct.");
        }
        else if (subscription.Kind != GroupingKind.Direct && stream.IsDirect)
        {
            problems.Add($"{prefix} uses a {subscription.Kind} grouping on stream '{stream.StreamId}' of '{source.Id}', which is declared direct; use a direct grouping.");
        }
    }
}
