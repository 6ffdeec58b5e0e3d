namespace Squall;

/// <summary>A validated topology, ready to submit: what <see cref="TopologyBuilder.CreateTopology"/> returns.</summary>
/// <remarks>
/// Task ids are assigned here, as Storm does: components in ordinal order of their ids, each a contiguous
/// range starting at 1, so every process that rebuilds the topology agrees on them.
/// </remarks>
public sealed class StormTopology
{
    internal StormTopology(IReadOnlyList<ComponentSpec> components)
    {
        Components = components;
        ById = components.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var next = 1;
        foreach (var component in components)
        {
            component.TaskIds = Enumerable.Range(next, component.NumTasks).ToArray();
            next += component.NumTasks;
        }

        UserTaskCount = next - 1;
    }

    /// <summary>The same topology with some components created by other factories (mocked sources in tests).</summary>
    internal StormTopology WithFactories(IReadOnlyDictionary<string, Func<IComponent>> factories) =>
        new([.. Components.Select(c => factories.TryGetValue(c.Id, out var f) ? c.WithFactory(f) : c)]);

    /// <summary>The ids of the spouts.</summary>
    public IEnumerable<string> SpoutIds => Components.Where(c => c.IsSpout).Select(c => c.Id);

    /// <summary>The ids of the bolts.</summary>
    public IEnumerable<string> BoltIds => Components.Where(c => !c.IsSpout).Select(c => c.Id);

    internal IReadOnlyList<ComponentSpec> Components { get; }

    internal IReadOnlyDictionary<string, ComponentSpec> ById { get; }

    /// <summary>The number of user (non-system) tasks; system tasks take the ids after it.</summary>
    internal int UserTaskCount { get; }

    /// <summary>The subscriptions to <paramref name="source"/>'s stream <paramref name="streamId"/>, with their subscribers.</summary>
    internal IEnumerable<(ComponentSpec Target, Subscription Subscription)> ConsumersOf(string source, string streamId)
    {
        foreach (var component in Components)
        {
            foreach (var subscription in component.Subscriptions)
            {
                if (subscription.SourceComponent == source && subscription.StreamId == streamId)
                {
                    yield return (component, subscription);
                }
            }
        }
    }
}
