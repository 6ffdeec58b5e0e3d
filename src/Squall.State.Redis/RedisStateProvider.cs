using Squall.Runtime.State;
using StackExchange.Redis;

namespace Squall.State.Redis;

/// <summary>
/// Keeps stateful bolts' state in Redis (<c>topology.state.provider: redis</c>). <c>topology.state.provider.config</c>:
/// <c>{"configuration": "127.0.0.1:6379,password=…"}</c> (a StackExchange.Redis configuration string).
/// </summary>
public sealed class RedisStateProvider : IStateProvider
{
    /// <inheritdoc/>
    public KeyValueStore Open(string stateNamespace, Config conf, TopologyContext context) =>
        new RedisKeyValueStore(ConnectionMultiplexer.Connect(RedisSettings.Configuration(conf, "redis state provider")), stateNamespace);
}
