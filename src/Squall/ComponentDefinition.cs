namespace Squall;

/// <summary>What the builder knows of one component before validation: how to create it and how it is wired.</summary>
internal sealed class ComponentDefinition
{
    public ComponentDefinition(string id, bool isSpout, Func<IComponent> factory, int parallelismHint)
    {
        Id = id;
        IsSpout = isSpout;
        Factory = factory;
        ParallelismHint = parallelismHint;
    }

    public string Id { get; }

    public bool IsSpout { get; }

    /// <summary>Creates one task instance: an <see cref="IRichSpout"/> or an <see cref="IRichBolt"/>.</summary>
    public Func<IComponent> Factory { get; }

    public int ParallelismHint { get; }

    public int? NumTasks { get; set; }

    public Dictionary<string, object?> Configuration { get; } = new(StringComparer.Ordinal);

    public List<Subscription> Subscriptions { get; } = [];
}
