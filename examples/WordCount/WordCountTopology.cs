namespace WordCount;

/// <summary>The word-count topology: sentences → split (shuffle) → count (fields on "word").</summary>
public sealed class WordCountTopology : ITopologySource
{
    private readonly IReadOnlyList<string> _sentences;
    private readonly bool _cycle;
    private readonly bool _reliable;

    public WordCountTopology()
        : this(Corpus.BuiltIn, cycle: true, reliable: false)
    {
    }

    public WordCountTopology(IReadOnlyList<string> sentences, bool cycle, bool reliable)
    {
        _sentences = sentences;
        _cycle = cycle;
        _reliable = reliable;
    }

    public string Name => "word-count";

    public WordCountBoard Board { get; } = new();

    public int SplitParallelism { get; init; } = 2;

    public int CountParallelism { get; init; } = 2;

    public StormTopology Build(Config conf)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new SentenceSpout(_sentences, _cycle, _reliable));
        builder.SetBolt("split", () => new SplitSentenceBolt(), SplitParallelism).ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new WordCountBolt(Board), CountParallelism).FieldsGrouping("split", new Fields("word"));
        return builder.CreateTopology();
    }
}
