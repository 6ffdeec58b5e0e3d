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
    public KeyValueStore Open(string stateNamespace, Config conf, TopologyContext context)
    {
        var settings = StateProviders.ProviderConfig(conf);
        var configuration = settings.TryGetProperty("configuration", out var value) ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(configuration))
        {
            throw new InvalidTopologyException(
                $"{Config.TopologyStateProviderConfig} must name the server for the redis state provider: " +
                """{"configuration": "127.0.0.1:6379,password=…"}""");
        }

        return new RedisKeyValueStore(ConnectionMultiplexer.Connect(configuration), stateNamespace);
    }
}
