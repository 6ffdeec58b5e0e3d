using System.Collections.Concurrent;
using MultilangWordCount;
using Squall.Runtime;

namespace Squall.Multilang.Tests.Integration;

/// <summary>The MultilangWordCount example in a LocalCluster: node spout → python split → C# count, acking on.</summary>
[Trait("Category", "Integration")]
public sealed class EndToEndTests
{
    private static readonly string[] Sentences =
    [
        "the cow jumped over the moon",
        "an apple a day keeps the doctor away",
        "four score and seven years ago",
        "snow white and the seven dwarfs",
        "i am at two with nature",
    ];

    [Fact]
    public void Word_counts_through_a_node_spout_and_a_python_bolt_are_exact_with_acking_on()
    {
        const int limit = 500;
        var counts = new WordCounts();
        var errors = new ConcurrentQueue<ComponentError>();
        using var allAcked = new ManualResetEventSlim();
        var logs = new ConcurrentQueue<string>();
        var topology = MultilangWordCountTopology.Build(counts, entry =>
        {
            logs.Enqueue(entry.ToString());
            if (entry.Message == $"all {limit} sentences acked")
            {
                allAcked.Set();
            }
        });
        var conf = new Config { MaxSpoutPending = 50, NumAckers = 1, ["sentences.limit"] = limit };

        using (var cluster = new LocalCluster(new LocalClusterOptions { OnError = errors.Enqueue }))
        {
            cluster.SubmitTopology("multilang-e2e", conf, topology);
            allAcked.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue($"not every sentence was acked ({counts.Total} words); errors: {string.Join("\n", errors)}; logs: {string.Join("\n", logs.Take(20))}");
            cluster.KillTopology("multilang-e2e");
        }

        var expected = Enumerable.Range(0, limit)
            .SelectMany(i => Sentences[i % Sentences.Length].Split(' '))
            .GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        counts.Snapshot().OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(expected.OrderBy(p => p.Key, StringComparer.Ordinal));
        errors.ShouldBeEmpty();
    }
}
