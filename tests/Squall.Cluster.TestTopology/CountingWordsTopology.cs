using System.Globalization;

namespace Squall.Cluster.TestTopology;

/// <summary>
/// Word count made checkable from outside the workers: a finite, reliable spout whose acks go to files (so a
/// restarted spout skips what was acked, as a durable queue would), and count tasks that save their counts
/// to files (and reload them on restart). Settings: <c>test.sentences</c> (how many), <c>test.rate</c>
/// (sentences per second, 0 for unthrottled), <c>test.output</c> (the folder) and <c>test.build</c> (see <see cref="BuildBehaviour"/>).
/// </summary>
public sealed class CountingWordsTopology : ITopologySource
{
    public const string Sentences = "test.sentences";
    public const string Rate = "test.rate";
    public const string Output = "test.output";

    /// <summary>Misbehaviour of <see cref="Build"/> for the tests of Nimbus's validation: <c>hang</c> or <c>exit</c>.</summary>
    public const string BuildBehaviour = "test.build";

    /// <summary>A word the count tasks fail every time (none by default).</summary>
    public const string Refuse = "test.refuse";

    /// <summary>Count into checkpointed state (<c>topology.state.provider</c>) instead of files.</summary>
    public const string Stateful = "test.stateful";

    public string Name => "counting-words";

    /// <summary>Sentence <paramref name="i"/>: three words from small vocabularies, so counts are easy to predict.</summary>
    public static string Sentence(int i) => string.Create(CultureInfo.InvariantCulture, $"a{i % 7} b{i % 11} c{i % 13}");

    public StormTopology Build(Config conf)
    {
        switch (conf.GetString(BuildBehaviour))
        {
            case "hang":
                // Never set: a Build that never returns, which Nimbus's submit time limit must catch.
                new ManualResetEventSlim().Wait();
                break;
            case "exit":
                Environment.Exit(42);
                break;
        }

        var sentences = conf.GetInt(Sentences, 1000);
        var rate = conf.GetInt(Rate, 0);
        var output = conf.GetString(Output) ?? throw new InvalidOperationException($"Set {Output}.");
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new FileAckedSpout(sentences, rate, output));
        builder.SetBolt("split", () => new SplitBolt(), 2).ShuffleGrouping("sentences");
        var count = conf.GetBool(Stateful, false)
            ? builder.SetBolt("count", () => new StatefulCountBolt(), 2)
            : builder.SetBolt("count", () => new FileCountBolt(output, conf.GetString(Refuse)), 2);
        count.FieldsGrouping("split", new Fields("word"));
        return builder.CreateTopology();
    }
}
