namespace Squall;

/// <summary>Settings shared by spouts and bolts: task count and per-component configuration.</summary>
/// <typeparam name="T">The declarer itself, so calls chain.</typeparam>
public abstract class ComponentDeclarer<T>
    where T : ComponentDeclarer<T>
{
    private protected ComponentDeclarer(ComponentDefinition definition) => Definition = definition;

    private protected ComponentDefinition Definition { get; }

    /// <summary>Runs this many tasks (instances) over the component's executors; defaults to the parallelism hint.</summary>
    public T SetNumTasks(int numTasks)
    {
        Definition.NumTasks = numTasks;
        return (T)this;
    }

    /// <summary>Sets a configuration key for this component only (e.g. <c>topology.tick.tuple.freq.secs</c>).</summary>
    public T AddConfiguration(string key, object? value)
    {
        Definition.Configuration[key] = value;
        return (T)this;
    }

    /// <summary>Sets several configuration keys for this component only.</summary>
    public T AddConfigurations(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (key, value) in entries)
        {
            Definition.Configuration[key] = value;
        }

        return (T)this;
    }

    /// <summary>Logs every tuple this component emits.</summary>
    public T SetDebug(bool debug) => AddConfiguration(Config.TopologyDebug, debug);

    /// <summary>Limits this spout's pending tuple trees per task.</summary>
    public T SetMaxSpoutPending(int maxPending) => AddConfiguration(Config.TopologyMaxSpoutPending, maxPending);
}
