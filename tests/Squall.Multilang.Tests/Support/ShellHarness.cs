namespace Squall.Multilang.Tests.Support;

/// <summary>
/// A prepared shell bolt with a recording collector, run on its own <see cref="TestExecutor"/> as a topology
/// would run it; Dispose cleans up (and so kills the child).
/// </summary>
public sealed class BoltHarness : IDisposable
{
    /// <summary>How long a test waits for a child to finish a tuple: a hang bound on a loaded machine, not a speed limit.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public BoltHarness(ShellBolt bolt, Config? conf = null)
    {
        Bolt = bolt;
        Topology = new TestTopology();
        var context = Topology.ContextOf("shell");
        context.Mailbox = Executor;
        Executor.Invoke(() => Bolt.Prepare(conf ?? TestTopology.Conf(), context, Recorder.Collector));
    }

    public ShellBolt Bolt { get; }

    public TestTopology Topology { get; }

    public TestExecutor Executor { get; } = new();

    public RecordingOutputCollector Recorder { get; } = new();

    public static BoltHarness Python(string script, Config? conf = null, Func<ShellBolt, ShellBolt>? configure = null) =>
        new((configure ?? (b => b))(Declared(new ShellBolt("python3", script))), conf);

    public static BoltHarness Node(string script, Config? conf = null) => new(Declared(new ShellBolt("node", script)), conf);

    public static BoltHarness Ruby(string script, Config? conf = null) => new(Declared(new ShellBolt("ruby", script)), conf);

    /// <summary>Executes a tuple from source's default stream whose one value is <paramref name="value"/>, until it is acked or failed.</summary>
    public Tuple Send(object? value)
    {
        var tuple = Topology.Input(Constants.DefaultStreamId, value);
        Execute(tuple);
        return tuple;
    }

    /// <summary>Executes <paramref name="tuple"/> on the executor thread and waits until the child acked or failed it.</summary>
    public void Execute(Tuple tuple)
    {
        Submit(tuple);
        Recorder.WaitUntil(() => Recorder.IsCompleted(tuple), Patience.TotalSeconds, $"tuple [{tuple.GetValue(0)}] to be acked or failed");
    }

    /// <summary>Executes <paramref name="tuple"/> on the executor thread without waiting for the child.</summary>
    public void Submit(Tuple tuple) => Executor.Invoke(() => Bolt.Execute(tuple));

    public void Dispose()
    {
        Executor.Invoke(Bolt.Cleanup);
        Executor.Dispose();
    }

    private static ShellBolt Declared(ShellBolt bolt) =>
        bolt.Declare("word").DeclareStream("report", "value").DeclareStream("direct", true, "value");
}
