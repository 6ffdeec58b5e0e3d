using System.Globalization;

namespace Squall.Multilang.Protocol;

/// <summary>
/// Builds the handshake's <c>conf</c> and <c>context</c> objects from the public API, with every field the
/// adapters read (specs/multilang.md §3): task→component for every task including the ackers, this task and
/// component, declared streams and their fields, targets and sources with their groupings, and the fields of
/// each subscribed input (only real user inputs, which pystorm turns into namedtuples).
/// </summary>
internal static class SetupBuilder
{
    /// <summary>Storm's <c>storm.id</c>: the running topology's id.</summary>
    public const string StormId = "storm.id";

    public static SetupMessage Build(string pidDir, Config conf, TopologyContext context, ShellOptions options) =>
        new(pidDir, FullConf(conf, context, options), Context(context));

    /// <summary>
    /// The whole effective configuration, as Storm hands it over: what the engine gave Prepare/Open, plus
    /// <c>storm.id</c> and the value in force of each setting a child commonly reads even when nobody set it
    /// (defaults from <see cref="Config"/>'s typed properties and <see cref="ShellOptions"/>, never repeated here).
    /// </summary>
    internal static Config FullConf(Config conf, TopologyContext context, ShellOptions options)
    {
        var full = new Config(conf);
        full.TryAdd(StormId, context.TopologyId);
        full.TryAdd(Config.TopologyName, context.TopologyId);
        full.TryAdd(Config.TopologyWorkers, conf.NumWorkers);
        full.TryAdd(Config.TopologyDebug, conf.Debug);
        full.TryAdd(Config.TopologyMessageTimeoutSecs, conf.MessageTimeoutSecs);
        full.TryAdd(Config.TopologyEnableMessageTimeouts, conf.GetBool(Config.TopologyEnableMessageTimeouts, true));
        full.TryAdd(Config.TopologyAckerExecutors, conf.NumAckers);
        full.TryAdd(Config.TopologyMaxSpoutPending, conf.MaxSpoutPending);
        full.TryAdd(Config.TopologyTickTupleFreqSecs, conf.TickTupleFreqSecs);
        full.TryAdd(Config.TopologyShellBoltMaxPending, options.MaxPending);
        full.TryAdd(Config.TopologySubprocessTimeoutSecs, (int)options.Timeout.TotalSeconds);
        full.TryAdd(Config.TopologyMultilangSerializer, ShellOptions.DefaultSerializerName);
        full.TryAdd(MultilangConfig.HandshakeTimeoutSecs, (int)options.HandshakeTimeout.TotalSeconds);
        return full;
    }

    private static Dictionary<string, object?> Context(TopologyContext context)
    {
        var taskToComponent = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var component in context.ComponentIds.Append(Constants.AckerComponentId))
        {
            foreach (var task in context.GetComponentTasks(component))
            {
                taskToComponent[task.ToString(CultureInfo.InvariantCulture)] = component;
            }
        }

        var streams = context.GetThisStreams().ToList();
        var outputFields = streams.ToDictionary(s => s, s => (object?)context.GetThisOutputFields(s).ToList(), StringComparer.Ordinal);
        var targets = context.GetThisTargets().ToDictionary(
            t => t.Key,
            t => (object?)t.Value.ToDictionary(c => c.Component, c => (object?)Grouping(c.Subscription), StringComparer.Ordinal),
            StringComparer.Ordinal);
        var sourceGroupings = new Dictionary<string, object?>(StringComparer.Ordinal);
        var sourceFields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in context.GetThisSources())
        {
            Inner(sourceGroupings, source.SourceComponent)[source.StreamId] = Grouping(source);
            Inner(sourceFields, source.SourceComponent)[source.StreamId] =
                context.GetComponentOutputFields(source.SourceComponent, source.StreamId).ToList();
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["task->component"] = taskToComponent,
            ["taskid"] = context.ThisTaskId,
            ["componentid"] = context.ThisComponentId,
            ["streams"] = streams,
            ["stream->outputfields"] = outputFields,
            ["stream->target->grouping"] = targets,
            ["source->stream->grouping"] = sourceGroupings,
            ["source->stream->fields"] = sourceFields,
        };
    }

    private static Dictionary<string, object?> Inner(Dictionary<string, object?> outer, string key)
    {
        if (outer.GetValueOrDefault(key) is not Dictionary<string, object?> inner)
        {
            inner = new Dictionary<string, object?>(StringComparer.Ordinal);
            outer[key] = inner;
        }

        return inner;
    }

    /// <summary>Storm's Thrift grouping: the upper-case union member, plus <c>fields</c> for FIELDS (global is FIELDS of none).</summary>
    private static Dictionary<string, object?> Grouping(Subscription subscription)
    {
        var (type, fields) = subscription.Kind switch
        {
            GroupingKind.Fields => ("FIELDS", subscription.GroupingFields?.ToList() ?? []),
            GroupingKind.Global => ("FIELDS", []),
            GroupingKind.Shuffle => ("SHUFFLE", null),
            GroupingKind.All => ("ALL", null),
            GroupingKind.None => ("NONE", null),
            GroupingKind.Direct => ("DIRECT", null),
            GroupingKind.LocalOrShuffle => ("LOCAL_OR_SHUFFLE", null),
            _ => ("CUSTOM_SERIALIZED", (List<string>?)null),
        };
        var grouping = new Dictionary<string, object?>(StringComparer.Ordinal) { ["type"] = type };
        if (fields is not null)
        {
            grouping["fields"] = fields;
        }

        return grouping;
    }
}
