using Squall.Cluster.TestTopology;

namespace Squall.Cluster.Tests.Cluster;

/// <summary>One submission of the counting-words test topology, and what its output folder says.</summary>
public sealed class WordCountRun(string dir, int sentences)
{
    public string Output { get; } = Path.Combine(dir, "out-" + Guid.NewGuid().ToString("N")[..8]);

    public int Sentences => sentences;

    public static string TopologyDll => typeof(CountingWordsTopology).Assembly.Location;

    public string[] SubmitArgs(string name, int workers, int rate) =>
    [
        "submit", TopologyDll, "--name", name,
        "-c", $"topology.workers={workers}",
        "-c", "topology.message.timeout.secs=10",
        "-c", "topology.max.spout.pending=200",
        "-c", $"{CountingWordsTopology.Sentences}={sentences}",
        "-c", $"{CountingWordsTopology.Rate}={rate}",
        "-c", $"{CountingWordsTopology.Output}={Output}",
    ];

    public int AckedCount => FileAckedSpout.AckedIds(Output).Count;

    public bool AllAcked => AckedCount == sentences;

    /// <summary>True while the (single) spout is deactivated with no tuple in flight.</summary>
    public bool IsIdle => Directory.Exists(Output) && Directory.EnumerateFiles(Output, "idle-*").Any();

    public Dictionary<string, long> Counts => FileCountBolt.ReadAll(Output);

    public Dictionary<string, long> ExpectedCounts()
    {
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < sentences; i++)
        {
            foreach (var word in CountingWordsTopology.Sentence(i).Split(' '))
            {
                expected[word] = expected.GetValueOrDefault(word) + 1;
            }
        }

        return expected;
    }

    public bool CountsAreExact()
    {
        var counts = Counts;
        var expected = ExpectedCounts();
        return counts.Count == expected.Count && expected.All(p => counts.GetValueOrDefault(p.Key) == p.Value);
    }

    public string Describe() => $"acked {AckedCount}/{sentences} (emits {FileAckedSpout.Emits(Output).Count}, idle: {IsIdle}); counts {string.Join(' ', Counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";
}
