namespace Squall;

/// <summary>One validated component: how to create its tasks, its streams, inputs and task ids.</summary>
internal sealed class ComponentSpec
{
    public ComponentSpec(ComponentDefinition definition, IReadOnlyDictionary<string, StreamDescriptor> streams, IReadOnlyDictionary<string, object?> configuration)
    {
        Id = definition.Id;
        IsSpout = definition.IsSpout;
        Factory = definition.Factory;
        Executors = definition.ParallelismHint;
        NumTasks = definition.NumTasks ?? definition.ParallelismHint;
        Subscriptions = definition.Subscriptions;
        Streams = streams;
        StreamList = [.. streams.Values.OrderBy(s => s.Index)];
        Configuration = configuration;
    }

    private ComponentSpec(ComponentSpec other, Func<IComponent> factory)
    {
        Id = other.Id;
        IsSpout = other.IsSpout;
        Factory = factory;
        Executors = other.Executors;
        NumTasks = other.NumTasks;
        Subscriptions = other.Subscriptions;
        Streams = other.Streams;
        StreamList = other.StreamList;
        Configuration = other.Configuration;
    }

    public string Id { get; }

    /// <summary>The same component created by <paramref name="factory"/> (the test kit's mocked sources).</summary>
    public ComponentSpec WithFactory(Func<IComponent> factory) => new(this, factory);

    public bool IsSpout { get; }

    public Func<IComponent> Factory { get; }

    /// <summary>The parallelism hint: how many executors (threads) run the tasks.</summary>
    public int Executors { get; }

    public int NumTasks { get; }

    public IReadOnlyList<Subscription> Subscriptions { get; }

    public IReadOnlyDictionary<string, StreamDescriptor> Streams { get; }

    /// <summary>The streams indexed by <see cref="StreamDescriptor.Index"/>.</summary>
    public StreamDescriptor[] StreamList { get; }

    public IReadOnlyDictionary<string, object?> Configuration { get; }

    /// <summary>This component's task ids, contiguous and ascending.</summary>
    public int[] TaskIds { get; set; } = [];
}
