using WordCount;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class WordCountTests
{
    private static readonly string[] Sentences =
    [
        "the cow jumped over the moon",
        "the man went to the store and bought some candy",
        "four score and seven years ago",
        "how many apples can you eat",
        "to be or not to be the person",
        "the the the",
    ];

    [Fact]
    public void Word_count_counts_a_finite_input_exactly()
    {
        var input = Enumerable.Range(0, 50).SelectMany(_ => Sentences).ToArray();
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var sentence in input)
        {
            foreach (var word in sentence.Split(' '))
            {
                expected[word] = expected.GetValueOrDefault(word) + 1;
            }
        }

        var source = new WordCountTopology(input, cycle: false, reliable: true) { SplitParallelism = 3, CountParallelism = 4 };
        using var cluster = Support.Clusters.Create();
        cluster.SubmitTopology("wc", new Config(), source.Build(new Config()));

        Wait.UntilEqual(() => cluster.GetStats("wc").Single(s => s.ComponentId == "sentences").Acked, input.Length, "every sentence acked");
        cluster.KillTopology("wc");

        cluster.TopologyNames.ShouldBeEmpty();
        source.Board.Counts().OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(expected.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
