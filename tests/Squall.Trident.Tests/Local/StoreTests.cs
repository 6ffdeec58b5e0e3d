using System.Text.Json;
using Squall.Runtime;
using Squall.Runtime.State;
using Squall.State.Postgres;
using Squall.State.Redis;
using Squall.Testing.Servers;
using Squall.Trident.Spout;
using Squall.Trident.State;
using TridentWordCount;

namespace Squall.Trident.Tests.Local;

/// <summary>Exact word counts with the state and the coordinator's progress in a real PostgreSQL and a real Redis, through failures.</summary>
[Trait("Category", "Integration")]
public sealed class StoreTests : IDisposable
{
    private static readonly string[] Sentences = [.. Enumerable.Range(0, 6).SelectMany(_ => TridentWordCountTopology.Sentences)];
    private readonly LocalCluster _cluster = new();

    [Fact]
    public async Task Postgres_counts_are_exact_with_failed_batches()
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        await CountExactly(new PostgresMapStoreFactory(), new Config { [Config.TopologyStateProviderConfig] = Settings("connectionString", postgres.ConnectionString) });
    }

    [Fact]
    public async Task Redis_counts_are_exact_with_failed_batches()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await CountExactly(new RedisMapStoreFactory(), new Config { [Config.TopologyStateProviderConfig] = Settings("configuration", redis.ConnectionString) });
    }

    public void Dispose() => _cluster.Dispose();

    private static string Settings(string key, string value) => JsonSerializer.Serialize(new Dictionary<string, string> { [key] = value });

    private async Task CountExactly(IMapStoreFactory store, Config conf)
    {
        var txId = TridentHarness.Unique("store");
        var state = MapStateFactory.Opaque(store, txId + "-counts");
        var topology = new TridentTopology(store);
        TridentWordCountTopology.WordCounts(
            topology.NewStream(txId, () => new FixedBatchSpout(new Fields("sentence"), 3, [.. Sentences.Select(s => new object?[] { s })]))
                .Filter(() => new FailOnCalls(txId, 2, 5, 6)),
            state);
        conf.MaxSpoutPending = 3;
        _cluster.SubmitTopology(txId, conf, topology.Build());
        await TridentHarness.ShouldCountExactly(state, store, txId, TridentHarness.ExpectedCounts(Sentences), conf);
    }
}
