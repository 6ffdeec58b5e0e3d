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
        var run = Run(limit: 500, splitScript: "splitsentence.py", new Config());
        run.Counts.ShouldBe(Expected(500));
        run.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ruby")]
    [InlineData("node-async")]
    public void Word_counts_are_exact_with_the_ruby_and_the_asynchronous_node_split(string split)
    {
        var (command, script) = MultilangWordCountTopology.Split(split);
        var run = Run(limit: 300, splitScript: script, new Config(), command);
        run.Counts.ShouldBe(Expected(300));
        run.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_python_bolt_dying_mid_stream_is_restarted_and_the_spout_replays_its_tuple()
    {
        var markerDir = Directory.CreateTempSubdirectory("squall-crash-once-");
        try
        {
            var run = Run(limit: 200, splitScript: "crash_once_split.py", new Config { ["test.marker.dir"] = markerDir.FullName });
            run.Counts.ShouldBe(Expected(200));
            run.Errors.Count.ShouldBe(1, string.Join(Environment.NewLine, run.Errors));
            var died = run.Errors.Single().Error.ShouldBeOfType<ShellProcessException>();
            (run.Errors.Single().ComponentId, died.ExitCode).ShouldBe(("split", 9));
        }
        finally
        {
            markerDir.Delete(recursive: true);
        }
    }

    /// <summary>Runs the example topology until the spout has seen all <paramref name="limit"/> sentences acked.</summary>
    private static (IReadOnlyList<KeyValuePair<string, long>> Counts, IReadOnlyList<ComponentError> Errors) Run(int limit, string splitScript, Config conf, string splitCommand = "python3")
    {
        var counts = new WordCounts();
        var errors = new ConcurrentQueue<ComponentError>();
        using var allAcked = new ManualResetEventSlim();
        var topology = MultilangWordCountTopology.Build(
            counts,
            entry =>
            {
                if (entry.Message == $"all {limit} sentences acked")
                {
                    allAcked.Set();
                }
            },
            splitScript,
            splitCommand);
        conf.MaxSpoutPending = 50;
        conf.NumAckers = 1;
        conf["sentences.limit"] = limit;
        conf.MessageTimeoutSecs = 10;

        using (var cluster = new LocalCluster(new LocalClusterOptions { OnError = errors.Enqueue }))
        {
            cluster.SubmitTopology("multilang-e2e", conf, topology);
            allAcked.Wait(TimeSpan.FromSeconds(90)).ShouldBeTrue($"not every sentence was acked ({counts.Total} words); errors: {string.Join("\n", errors)}");
            cluster.KillTopology("multilang-e2e");
        }

        return ([.. counts.Snapshot().OrderBy(p => p.Key, StringComparer.Ordinal)], [.. errors]);
    }

    private static List<KeyValuePair<string, long>> Expected(int limit) =>
    [
        .. Enumerable.Range(0, limit)
            .SelectMany(i => Sentences[i % Sentences.Length].Split(' '))
            .GroupBy(w => w, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, (long)g.Count()))
            .OrderBy(p => p.Key, StringComparer.Ordinal),
    ];
}
