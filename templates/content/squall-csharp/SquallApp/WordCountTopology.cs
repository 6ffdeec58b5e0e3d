namespace SquallApp;

/// <summary>
/// The topology, found by <c>squall run</c> and <c>squall submit</c> (a public <see cref="ITopologySource"/> with a
/// parameterless constructor): words → count, grouped by word.
/// </summary>
public sealed class WordCountTopology : ITopologySource
{
    public string Name => "SquallApp";

    public StormTopology Build(Config conf)
    {
        // Bounds the words in flight; `squall run ... -c topology.max.spout.pending=N` overrides it.
        conf.MaxSpoutPending ??= 1000;
        var builder = new TopologyBuilder();
        builder.SetSpout("words", () => new WordSpout());
        builder.SetBolt("count", () => new WordCountBolt(), parallelismHint: 2).FieldsGrouping("words", new Fields("word"));
        return builder.CreateTopology();
    }
}
