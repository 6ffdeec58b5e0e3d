namespace Squall.Multilang.Tests.Support;

/// <summary>
/// A small topology around the shell component under test, so its TopologyContext is real:
/// source (spout: default [word], pair [a, b]) → shell (bolt) → sink (2 tasks, default/report shuffled, direct
/// on "direct"); shellspout (spout: default [sentence], direct "direct" [value]) → sink.
/// </summary>
public sealed class TestTopology
{
    public TestTopology()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("source", () => new NullSpout());
        builder.SetBolt("shell", () => new ShellBolt("python3", "x.py").Declare("word").DeclareStream("report", "value").DeclareStream("direct", true, "value"))
            .ShuffleGrouping("source")
            .FieldsGrouping("source", "pair", new Fields("a"));
        builder.SetSpout("shellspout", () => new ShellSpout("node", "x.js").Declare("sentence").DeclareStream("direct", true, "value"));
        builder.SetBolt("sink", () => new ShellBolt("python3", "x.py"), 2)
            .ShuffleGrouping("shell")
            .ShuffleGrouping("shell", "report")
            .DirectGrouping("shell", "direct")
            .ShuffleGrouping("shellspout")
            .DirectGrouping("shellspout", "direct");
        Topology = builder.CreateTopology();
        Layout = new TaskLayout(Topology, ackerTasks: 1);
    }

    public StormTopology Topology { get; }

    internal TaskLayout Layout { get; }

    public TopologyContext ContextOf(string component) => new(Layout, "test-topology", Layout.ComponentTasks[component][0], []);

    /// <summary>A tuple as the runtime delivers it, from source's <paramref name="stream"/>.</summary>
    public Tuple Input(string stream, params object?[] values) =>
        new(new Values(values).Items, Topology.ById["source"].Streams[stream], Layout.ComponentTasks["source"][0]);

    public static Tuple Tick(int freq) => new([freq], StreamDescriptor.Tick, -1);

    /// <summary>Storm-like configuration with a short subprocess timeout, so misbehaviour shows quickly.</summary>
    public static Config Conf(int timeoutSecs = 3, string serializer = "json") => new Config
    {
        [Config.TopologyName] = "test-topology",
        [Config.TopologySubprocessTimeoutSecs] = timeoutSecs,
        [Config.TopologyMultilangSerializer] = serializer,
        [Config.TopologyDebug] = false,
    };

    private sealed class NullSpout : BaseRichSpout
    {
        public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
        {
        }

        public override void NextTuple()
        {
        }

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
            declarer.Declare(new Fields("word"));
            declarer.DeclareStream("pair", new Fields("a", "b"));
        }
    }
}
