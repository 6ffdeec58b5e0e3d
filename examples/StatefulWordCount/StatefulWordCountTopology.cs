using System.Collections.Concurrent;
using WordCount;

namespace StatefulWordCount;

/// <summary>
/// sentences → split → count (stateful, fields on "word") → print. The state provider comes from the configuration
/// (<c>topology.state.provider</c> and <c>topology.state.provider.config</c>), so the same topology runs on memory, PostgreSQL or Redis.
/// </summary>
public sealed class StatefulWordCountTopology : ITopologySource
{
    /// <summary>The configuration key for how many sentences the spout emits (default: effectively for ever).</summary>
    public const string SentencesKey = "stateful.word.count.sentences";

    public string Name => "stateful-word-count";

    /// <summary>The latest count per word, as the print bolt saw it (this process only).</summary>
    public ConcurrentDictionary<string, long> Latest { get; } = new(StringComparer.Ordinal);

    public StormTopology Build(Config conf)
    {
        ArgumentNullException.ThrowIfNull(conf);
        var limit = conf.TryGetValue(SentencesKey, out var value) && value is not null
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : long.MaxValue;
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new NumberedSentenceSpout(Corpus.BuiltIn, limit));
        builder.SetBolt("split", () => new SplitSentenceBolt(), 2).ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new StatefulCountBolt(), 2).FieldsGrouping("split", new Fields("word"));
        builder.SetBolt("print", () => new CountPrinterBolt(Latest)).ShuffleGrouping("count");
        return builder.CreateTopology();
    }
}
