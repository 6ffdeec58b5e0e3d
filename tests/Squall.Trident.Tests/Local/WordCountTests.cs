using Squall.Drpc;
using Squall.Runtime;
using Squall.Runtime.State;
using Squall.Trident.Builtin;
using Squall.Trident.Spout;
using Squall.Trident.State;
using TridentWordCount;

namespace Squall.Trident.Tests.Local;

/// <summary>TridentWordCount in local mode: counts are exact through injected batch failures and replays.</summary>
[Trait("Category", "Integration")]
public sealed class WordCountTests : IDisposable
{
    private static readonly string[] Sentences = [.. Enumerable.Range(0, 12).SelectMany(_ => TridentWordCountTopology.Sentences)];
    private readonly LocalCluster _cluster = new();
    private readonly InMemoryMapStoreFactory _store = new();
    private readonly List<string> _files = [];

    [Theory]
    [InlineData(StateType.Transactional)]
    [InlineData(StateType.Opaque)]
    public async Task Batch_spout_counts_are_exact_with_failed_batches(StateType type)
    {
        var txId = TridentHarness.Unique("fixed");
        var state = State(type, txId);
        var topology = new TridentTopology(_store);
        var sentences = topology.NewStream(txId, () => new FixedBatchSpout(new Fields("sentence"), 4, [.. Sentences.Select(s => new object?[] { s })]));
        CountWords(sentences, state, txId, 5, 40, 41, 150, 300);
        _cluster.SubmitTopology(txId, new Config { MaxSpoutPending = 3 }, topology.Build());

        await TridentHarness.ShouldCountExactly(state, _store, txId, TridentHarness.ExpectedCounts(Sentences));
        FailOnCalls.Calls(txId).ShouldBeGreaterThan(300);
    }

    [Fact]
    public async Task Transactional_file_spout_counts_are_exact_with_failed_batches()
    {
        var txId = TridentHarness.Unique("file");
        var state = State(StateType.Transactional, txId);
        var path = WriteLines(Sentences);
        var topology = new TridentTopology(_store);
        CountWords(topology.NewStream(txId, () => new TransactionalTextFileSpout(path, 5, "sentence")), state, txId, 3, 77, 78, 79, 200);
        _cluster.SubmitTopology(txId, new Config { MaxSpoutPending = 4 }, topology.Build());

        await TridentHarness.ShouldCountExactly(state, _store, txId, TridentHarness.ExpectedCounts(Sentences));
    }

    [Fact]
    public async Task Opaque_file_spout_counts_are_exact_with_failed_batches_while_the_file_grows()
    {
        var txId = TridentHarness.Unique("opaque");
        var state = State(StateType.Opaque, txId);
        var path = WriteLines(Sentences[..20]);
        var topology = new TridentTopology(_store);
        CountWords(topology.NewStream(txId, () => new OpaqueTextFileSpout(path, 7, "sentence")), state, txId, 10, 60, 61, 62);
        _cluster.SubmitTopology(txId, new Config { MaxSpoutPending = 2 }, topology.Build());

        await Wait.UntilAsync(() => FailOnCalls.Calls(txId) > 62, TridentHarness.Patience, () => "the injected failures happen");
        await File.AppendAllLinesAsync(path, Sentences[20..]);
        await TridentHarness.ShouldCountExactly(state, _store, txId, TridentHarness.ExpectedCounts(Sentences));
    }

    [Fact]
    public async Task Drpc_query_returns_the_sum_of_the_committed_counts()
    {
        var txId = TridentHarness.Unique("drpc");
        var state = State(StateType.Transactional, txId);
        using var drpc = new LocalDrpc();
        var topology = new TridentTopology(_store);
        var counts = TridentWordCountTopology.WordCounts(
            topology.NewStream(txId, () => new FixedBatchSpout(new Fields("sentence"), 3, [.. Sentences.Select(s => new object?[] { s })])), state);
        TridentWordCountTopology.Query(topology, counts, drpc);
        _cluster.SubmitTopology(txId, new Config { MaxSpoutPending = 2 }, topology.Build());

        var expected = TridentHarness.ExpectedCounts(Sentences);
        await TridentHarness.ShouldCountExactly(state, _store, txId, expected);
        (await drpc.ExecuteAsync(TridentWordCountTopology.Function, "the cat moon")).ShouldBe($"[[{expected["the"] + expected["moon"]}]]");
        (await drpc.ExecuteAsync(TridentWordCountTopology.Function, "nothing here")).ShouldBe("[[0]]");
    }

    public void Dispose()
    {
        _cluster.Dispose();
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private static MapStateFactory State(StateType type, string txId) => type switch
    {
        StateType.Opaque => MapStateFactory.Opaque(new InMemoryMapStoreFactory(), txId + "-counts"),
        _ => MapStateFactory.Transactional(new InMemoryMapStoreFactory(), txId + "-counts"),
    };

    private static void CountWords(Stream sentences, MapStateFactory state, string txId, params int[] failures) =>
        sentences
            .Shuffle() // the spout's node keeps one task: each task of a batch spout emits the whole batch
            .Each(new Fields("sentence"), () => new Split(), new Fields("word"))
            .Filter(new Fields("word"), () => new FailOnCalls(txId, failures))
            .ParallelismHint(2)
            .GroupBy(new Fields("word"))
            .PersistentAggregate(state, () => new Count(), new Fields("count"))
            .ParallelismHint(3);

    private string WriteLines(IEnumerable<string> lines)
    {
        var path = Path.Combine(Path.GetTempPath(), TridentHarness.Unique("trident-lines") + ".txt");
        File.WriteAllLines(path, lines);
        _files.Add(path);
        return path;
    }
}
