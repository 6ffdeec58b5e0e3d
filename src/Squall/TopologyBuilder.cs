namespace Squall;

/// <summary>
/// Builds a topology: spouts and bolts, each created by a factory (one instance per task, created where the
/// task runs), wired by stream groupings. <see cref="CreateTopology"/> validates the whole graph.
/// </summary>
public sealed class TopologyBuilder
{
    private readonly List<ComponentDefinition> _components = [];

    /// <summary>Adds a spout with <paramref name="parallelismHint"/> executors.</summary>
    public SpoutDeclarer SetSpout(string id, Func<IRichSpout> factory, int parallelismHint = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new SpoutDeclarer(Add(new ComponentDefinition(id, isSpout: true, factory, parallelismHint)));
    }

    /// <summary>Adds a bolt with <paramref name="parallelismHint"/> executors.</summary>
    public BoltDeclarer SetBolt(string id, Func<IRichBolt> factory, int parallelismHint = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new BoltDeclarer(Add(new ComponentDefinition(id, isSpout: false, factory, parallelismHint)));
    }

    /// <summary>Adds a basic bolt (anchors and acks for you) with <paramref name="parallelismHint"/> executors.</summary>
    public BoltDeclarer SetBolt(string id, Func<IBasicBolt> factory, int parallelismHint = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new BoltDeclarer(Add(new ComponentDefinition(id, isSpout: false, () => new BasicBoltExecutor(factory()), parallelismHint)));
    }

    /// <summary>
    /// Adds a windowed bolt with <paramref name="parallelismHint"/> executors: the runtime buffers its input into windows (as
    /// configured with <see cref="Windowing.BaseWindowedBolt"/>'s <c>With…</c> methods) and acks each tuple when it leaves the window.
    /// </summary>
    public BoltDeclarer SetBolt(string id, Func<Windowing.IWindowedBolt> factory, int parallelismHint = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new BoltDeclarer(Add(new ComponentDefinition(id, isSpout: false, factory, parallelismHint)));
    }

    /// <summary>Validates the graph and returns it; throws <see cref="InvalidTopologyException"/> listing every problem.</summary>
    public StormTopology CreateTopology() => TopologyValidator.Build(_components);

    private ComponentDefinition Add(ComponentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition.Id);
        _components.Add(definition);
        return definition;
    }
}
