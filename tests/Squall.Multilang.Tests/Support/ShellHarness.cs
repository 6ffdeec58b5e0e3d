namespace Squall.Multilang.Tests.Support;

/// <summary>A prepared shell bolt with a recording collector; Dispose cleans up (and so kills the child).</summary>
public sealed class BoltHarness : IDisposable
{
    public BoltHarness(ShellBolt bolt, Config? conf = null)
    {
        Bolt = bolt;
        Topology = new TestTopology();
        Bolt.Prepare(conf ?? TestTopology.Conf(), Topology.ContextOf("shell"), Recorder.Collector);
    }

    public ShellBolt Bolt { get; }

    public TestTopology Topology { get; }

    public RecordingOutputCollector Recorder { get; } = new();

    public static BoltHarness Python(string script, Config? conf = null, Func<ShellBolt, ShellBolt>? configure = null) =>
        new((configure ?? (b => b))(Declared(new ShellBolt("python3", script))), conf);

    public static BoltHarness Node(string script, Config? conf = null) => new(Declared(new ShellBolt("node", script)), conf);

    /// <summary>Executes a tuple from source's default stream whose one value is <paramref name="value"/>.</summary>
    public Tuple Send(object? value)
    {
        var tuple = Topology.Input(Constants.DefaultStreamId, value);
        Bolt.Execute(tuple);
        return tuple;
    }

    public void Dispose() => Bolt.Cleanup();

    private static ShellBolt Declared(ShellBolt bolt) =>
        bolt.Declare("word").DeclareStream("report", "value").DeclareStream("direct", true, "value");
}
