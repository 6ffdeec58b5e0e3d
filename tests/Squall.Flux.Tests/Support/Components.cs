using System.Collections.Concurrent;

namespace Squall.Flux.Tests.Support;

public enum SizeUnit
{
    Kb,
    Mb,
}

/// <summary>A component (Flux <c>components:</c>) that other objects reference.</summary>
public sealed class Settings
{
    public Settings(string host, int port)
    {
        Host = host;
        Port = port;
    }

    public string Host { get; }

    public int Port { get; }

    public TimeSpan Timeout { get; set; }

    public SizeUnit Unit { get; set; }
}

/// <summary>A spout whose construction and configuration the tests inspect through <see cref="Created"/>.</summary>
public sealed class ConfigurableSpout : BaseRichSpout
{
    public static readonly ConcurrentQueue<ConfigurableSpout> Created = new();

#pragma warning disable CA1051 // a public field on purpose: Flux sets fields as well as properties
    public int Level;
#pragma warning restore CA1051

    public ConfigurableSpout()
    {
        Created.Enqueue(this);
    }

    public ConfigurableSpout(string name, long size, string[] tags, SizeUnit unit)
        : this()
    {
        Name = name;
        Size = size;
        Tags = tags;
        Unit = unit;
    }

    public ConfigurableSpout(Settings settings)
        : this() => Settings = settings;

    public string? Name { get; private set; }

    public long Size { get; private set; }

    public IReadOnlyList<string> Tags { get; private set; } = [];

    public SizeUnit Unit { get; private set; }

    public Settings? Settings { get; set; }

    public IReadOnlyList<Settings> All { get; private set; } = [];

    public double Ratio { get; set; }

    public List<string> Calls { get; } = [];

    public IReadOnlyDictionary<string, int> Weights { get; private set; } = new Dictionary<string, int>();

    public void SetColour(string colour) => Calls.Add("colour=" + colour);

    public void WithNothing() => Calls.Add("nothing");

    public void WithPair(string a, int b) => Calls.Add($"{a}:{b}");

    public void WithWeights(IReadOnlyDictionary<string, int> weights) => Weights = weights;

    public void WithAll(List<Settings> all) => All = all;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word", "n"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
    }

    public override void NextTuple()
    {
    }
}

/// <summary>A bolt with one output stream per name it is given.</summary>
public sealed class PassBolt : BaseBasicBolt
{
    public PassBolt()
    {
    }

    public PassBolt(string[] streams) => Streams = streams;

    public string[] Streams { get; } = [Constants.DefaultStreamId];

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        foreach (var stream in Streams)
        {
            declarer.DeclareStream(stream, new Fields("word", "n"));
        }
    }

    public override void Execute(Tuple input, BasicOutputCollector collector) => collector.Emit(input.GetValues());
}

/// <summary>A custom grouping that sends everything to the first task.</summary>
public sealed class FirstTaskGrouping : ICustomStreamGrouping
{
    private IReadOnlyList<int> _targets = [];

    public FirstTaskGrouping(int offset) => Offset = offset;

    public int Offset { get; }

    public void Prepare(TopologyContext context, string sourceComponent, string streamId, IReadOnlyList<int> targetTasks) => _targets = targetTasks;

    public IReadOnlyList<int> ChooseTasks(int taskId, Values values) => [_targets[0]];
}

/// <summary>A bolt recording what it receives in a sink named in the YAML (a YAML file can only pass names).</summary>
public sealed class NamedCaptureBolt : BaseRichBolt
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<object?[]>> Sinks = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<object?[]> _sink;
    private OutputCollector? _collector;

    public NamedCaptureBolt(string sink) => _sink = Sinks.GetOrAdd(sink, _ => new ConcurrentQueue<object?[]>());

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        _sink.Enqueue([.. input.GetValues().Select(v => v.AsObject())]);
        _collector!.Ack(input);
    }
}
