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
    public static SetupMessage Build(string pidDir, Config conf, TopologyContext context) =>
        new(pidDir, conf, Context(context));

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
