using Squall.Stateful;
using Squall.Windowing;

namespace Squall;

/// <summary>
/// The streams and settings the runtime's wrappers add to a bolt: a windowed bolt's late tuple stream and its one-second tick
/// (its clock), and in a topology with stateful bolts the checkpoint stream every bolt forwards. Kept here so the validated
/// topology declares every stream a task can emit.
/// </summary>
internal static class SystemStreams
{
    private static readonly Fields CheckpointFields = new(Checkpoint.TxidField, Checkpoint.ActionField);

    public static void Add(IComponent instance, Dictionary<string, object?> configuration, Dictionary<string, StreamDescriptor> streams, string componentId, bool stateful)
    {
        if (instance is IWindowedBolt)
        {
            configuration.TryAdd(Config.TopologyTickTupleFreqSecs, 1);
            if (configuration.TryGetValue(Config.TopologyBoltsLateTupleStream, out var late) && late is string lateStream && !streams.ContainsKey(lateStream))
            {
                Declare(streams, componentId, lateStream, new Fields(BaseWindowedBolt.LateTupleField));
            }
        }

        if (stateful && instance is not ISpout && !streams.ContainsKey(Checkpoint.StreamId))
        {
            Declare(streams, componentId, Checkpoint.StreamId, CheckpointFields);
        }
    }

    /// <summary>True if the bolt's state is checkpointed (it needs the checkpoint spout).</summary>
    public static bool IsStateful(IComponent? instance) => instance is IStatefulComponent and not ISpout;

    /// <summary>
    /// Wires the checkpoint stream (Storm's TopologyBuilder does the same): a bolt fed by a spout takes the checkpoint spout's
    /// stream, a bolt fed by a bolt takes that bolt's checkpoint stream, each with an all grouping.
    /// </summary>
    public static List<Subscription> CheckpointInputs(ComponentDefinition bolt, IReadOnlyDictionary<string, ComponentDefinition> all)
    {
        var inputs = new List<Subscription>();
        foreach (var source in bolt.Subscriptions.Select(s => s.SourceComponent).Distinct(StringComparer.Ordinal))
        {
            if (source == Checkpoint.ComponentId || bolt.Subscriptions.Any(s => s.StreamId == Checkpoint.StreamId && s.SourceComponent == source))
            {
                continue;
            }

            var from = all.TryGetValue(source, out var definition) && definition.IsSpout ? Checkpoint.ComponentId : source;
            if (!inputs.Any(s => s.SourceComponent == from))
            {
                inputs.Add(new Subscription(from, Checkpoint.StreamId, GroupingKind.All));
            }
        }

        return inputs;
    }

    private static void Declare(Dictionary<string, StreamDescriptor> streams, string componentId, string streamId, Fields fields) =>
        streams[streamId] = new StreamDescriptor(componentId, streamId, fields, isDirect: false) { Index = streams.Count };
}
