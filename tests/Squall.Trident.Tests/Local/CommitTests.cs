using Squall.Runtime;
using Squall.Runtime.State;
using Squall.Trident.Builtin;
using Squall.Trident.Spout;
using Squall.Trident.State;
using TridentWordCount;

namespace Squall.Trident.Tests.Local;

/// <summary>Commits: strictly in txid order, and a commit that reached the store but failed is replayed without counting twice.</summary>
[Trait("Category", "Integration")]
public sealed class CommitTests : IDisposable
{
    private static readonly string[] Sentences = [.. Enumerable.Range(0, 10).SelectMany(_ => TridentWordCountTopology.Sentences)];
    private readonly LocalCluster _cluster = new();
    private readonly InMemoryMapStoreFactory _coordinator = new();

    [Fact]
    public async Task Transactional_state_skips_a_replayed_commit_and_commits_in_txid_order()
    {
        var store = new FlakyStoreFactory(2, 5, 9);
        var writes = await CountWords(MapStateFactory.Transactional(store, TridentHarness.Unique("tx-counts")), committers: 1);
        writes.ShouldBe(writes.Order().Distinct().ToList(), "each txid is written once, in increasing order: the replays of failed commits were skipped");
    }

    [Fact]
    public async Task Opaque_state_rewrites_a_replayed_commit_in_txid_order()
    {
        var store = new FlakyStoreFactory(2, 5, 9);
        var writes = await CountWords(MapStateFactory.Opaque(store, TridentHarness.Unique("opaque-counts")), committers: 3);
        writes.ShouldBe(writes.Order().ToList(), "txids are written in order, by all three committer tasks");
        writes.Count.ShouldBeGreaterThan(writes.Distinct().Count(), "the failed commits were written again");
    }

    public void Dispose() => _cluster.Dispose();

    private async Task<IReadOnlyList<long>> CountWords(MapStateFactory state, int committers)
    {
        var txId = TridentHarness.Unique("commits");
        var topology = new TridentTopology(_coordinator);
        topology.NewStream(txId, () => new FixedBatchSpout(new Fields("sentence"), 2, [.. Sentences.Select(s => new object?[] { s })]))
            .Each(new Fields("sentence"), () => new Split(), new Fields("word"))
            .GroupBy(new Fields("word"))
            .PersistentAggregate(state, () => new Count(), new Fields("count"))
            .ParallelismHint(committers);
        _cluster.SubmitTopology(txId, new Config { MaxSpoutPending = 5 }, topology.Build());
        await TridentHarness.ShouldCountExactly(state, _coordinator, txId, TridentHarness.ExpectedCounts(Sentences));
        return ((FlakyStoreFactory)state.Store).Writes;
    }
}
