using Squall.Runtime.State;
using Squall.State.Postgres;
using Squall.State.Redis;
using Squall.Testing.Servers;

namespace Squall.State.Tests.Providers;

/// <summary>One real PostgreSQL and one real Redis for the map store tests (booting them takes seconds); each test uses maps of its own.</summary>
public sealed class MapStoreServers : IAsyncLifetime
{
    private PostgresServer _postgres = null!;
    private RedisServer _redis = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartNewAsync();
        _redis = await RedisServer.StartNewAsync();
    }

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    public static string NewMap(string what) => $"{what}-{Guid.NewGuid():N}";

    /// <summary>A new factory for <paramref name="store"/>, as each worker makes its own.</summary>
    public static IMapStoreFactory Factory(string store) => store switch
    {
        "postgres" => new PostgresMapStoreFactory(),
        "redis" => new RedisMapStoreFactory(),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "not a map store"),
    };

    /// <summary>The topology config pointing <paramref name="store"/> at its server.</summary>
    public Config Conf(string store) => new()
    {
        [Config.TopologyStateProviderConfig] = store switch
        {
            "postgres" => $$"""{"connectionString": "{{_postgres.ConnectionString}}"}""",
            "redis" => $$"""{"configuration": "{{_redis.ConnectionString}}"}""",
            _ => throw new ArgumentOutOfRangeException(nameof(store), store, "not a map store"),
        },
    };

    public IMapStore Open(string store, string mapName) => Factory(store).Open(mapName, Conf(store));
}
