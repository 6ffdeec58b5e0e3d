using Squall.Runtime.State;
using Squall.Stateful;
using Squall.Testing.Servers;

namespace Squall.State.Tests.Providers;

/// <summary>The checkpoint contract of every provider, against real servers the tests start.</summary>
[Trait("Category", "Integration")]
public sealed class StateProviderTests
{
    public static TheoryData<string> Providers => ["memory", "postgres", "redis"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Prepared_then_committed_changes_are_what_a_reopened_store_reads(string provider)
    {
        await using var server = await Start(provider);
        var conf = Conf(provider, server);
        using (var state = Open(conf))
        {
            state.Kv.Put("the", 3);
            state.Kv.Put("moon", 2);
            state.Kv.Get("the", 0).ShouldBe(3); // reads see uncommitted writes
            state.Kv.PrepareCommit(1);
            state.Kv.Commit(1);
            state.Kv.Put("moon", 99); // not checkpointed: lost on restart
            state.Kv.Delete("the");
            state.Kv.Get("the", -1).ShouldBe(-1);
        }

        if (provider == "memory")
        {
            return; // memory state does not outlive its store, by design
        }

        using var reopened = Open(conf);
        reopened.Kv.Get("the", 0).ShouldBe(3);
        reopened.Kv.Get("moon", 0).ShouldBe(2);
        reopened.Kv.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)).ShouldBe([("moon", 2L), ("the", 3L)]);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("redis")]
    public async Task A_transaction_prepared_before_a_crash_is_committed_or_rolled_back_by_the_next_run(string provider)
    {
        await using var server = await Start(provider);
        var conf = Conf(provider, server);
        using (var first = Open(conf))
        {
            first.Kv.Put("a", 1);
            first.Kv.PrepareCommit(1);
            first.Kv.Commit(1);
            first.Kv.Put("a", 2);
            first.Kv.Put("b", 7);
            first.Kv.Delete("a");
            first.Kv.PrepareCommit(2); // then the worker dies
        }

        using (var recovered = Open(conf))
        {
            recovered.Store.PreparedTxid.ShouldBe(2);
            recovered.Kv.Commit(2); // recovery: the spout says COMMIT 2
            recovered.Kv.Get("a", -1).ShouldBe(-1);
            recovered.Kv.Get("b", 0).ShouldBe(7);
            recovered.Kv.Put("b", 8);
            recovered.Kv.PrepareCommit(3); // dies again
        }

        using var rolledBack = Open(conf);
        rolledBack.Kv.Rollback(); // recovery: the spout says ROLLBACK 3
        rolledBack.Kv.Get("b", 0).ShouldBe(7);
        rolledBack.Store.PreparedTxid.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Values_go_through_the_tuple_codec(string provider)
    {
        await using var server = await Start(provider);
        var conf = Conf(provider, server);
        using var store = StateProviders.Resolve(conf).Open("codec-1", conf, null!);
        var state = (KeyValueState<string, byte[]>)StateFactory.Create(typeof(KeyValueState<string, byte[]>), store, conf);
        state.Put("bytes", [1, 2, 3]);
        state.PrepareCommit(1);
        state.Commit(1);
        state.Get("bytes").ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_its_name()
    {
        var error = Should.Throw<InvalidTopologyException>(() => StateProviders.Resolve(new Config { [Config.TopologyStateProvider] = "cassandra" }));
        error.Message.ShouldContain("'cassandra' names no state provider");
    }

    private static async Task<IAsyncDisposable?> Start(string provider) => provider switch
    {
        "postgres" => await PostgresServer.StartNewAsync(),
        "redis" => await RedisServer.StartNewAsync(),
        _ => null,
    };

    private static Config Conf(string provider, IAsyncDisposable? server) => new()
    {
        [Config.TopologyStateProvider] = provider,
        [Config.TopologyStateProviderConfig] = server switch
        {
            PostgresServer pg => $$"""{"connectionString": "{{pg.ConnectionString}}"}""",
            RedisServer redis => $$"""{"configuration": "{{redis.ConnectionString}}"}""",
            _ => null,
        },
    };

    private static Opened Open(Config conf)
    {
        var store = StateProviders.Resolve(conf).Open("count-3", conf, null!);
        return new Opened(store, (KeyValueState<string, long>)StateFactory.Create(typeof(KeyValueState<string, long>), store, conf));
    }

    private sealed record Opened(KeyValueStore Store, KeyValueState<string, long> Kv) : IDisposable
    {
        public void Dispose() => Store.Dispose();
    }
}
