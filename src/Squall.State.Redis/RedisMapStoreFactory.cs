using Squall.Runtime.State;
using StackExchange.Redis;

namespace Squall.State.Redis;

/// <summary>
/// Opens Trident maps in Redis, configured like <see cref="RedisStateProvider"/> by <c>topology.state.provider.config</c>:
/// <c>{"configuration": "127.0.0.1:6379,password=…"}</c>. Each map's keys carry a prefix made from its name, so tasks
/// opening the same name share the entries and different names never meet.
/// </summary>
public sealed class RedisMapStoreFactory : IMapStoreFactory
{
    /// <inheritdoc/>
    public IMapStore Open(string mapName, Config conf)
    {
        ArgumentException.ThrowIfNullOrEmpty(mapName);
        return new RedisMapStore(ConnectionMultiplexer.Connect(RedisSettings.Configuration(conf, "redis map store")), mapName);
    }
}
