using Squall.Windowing;
using WordCount;

namespace RollingTopWords;

/// <summary>
/// words → rolling count (sliding window, fields on "word") → total ranking (global) → the board. Storm-starter's
/// RollingTopWords, with the window machinery doing the rolling.
/// </summary>
public sealed class RollingTopWordsTopology : ITopologySource
{
    public string Name => "rolling-top-words";

    public RankingBoard Board { get; } = new();

    public Duration WindowLength { get; init; } = Duration.Seconds(9);

    public Duration SlidingInterval { get; init; } = Duration.Seconds(3);

    public int TopN { get; init; } = 10;

    public StormTopology Build(Config conf)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("words", () => new RandomWordSpout(Corpus.BuiltIn, seed: 17));
        builder.SetBolt("counter", () => new RollingCountBolt(TopN).WithWindow(WindowLength, SlidingInterval), 2).FieldsGrouping("words", new Fields("word"));
        builder.SetBolt("rankings", () => new TotalRankingsBolt(Board, TopN)).GlobalGrouping("counter");
        return builder.CreateTopology();
    }
}
