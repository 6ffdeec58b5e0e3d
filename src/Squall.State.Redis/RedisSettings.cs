using Squall.Runtime.State;

namespace Squall.State.Redis;

/// <summary>The Redis part of <c>topology.state.provider.config</c>, shared by the state provider and the map store.</summary>
internal static class RedisSettings
{
    /// <summary>
    /// The StackExchange.Redis configuration string (<c>{"configuration": "127.0.0.1:6379,password=…"}</c>) for
    /// <paramref name="user"/>, named in the error when it is missing.
    /// </summary>
    public static string Configuration(Config conf, string user)
    {
        var settings = StateProviders.ProviderConfig(conf);
        var configuration = settings.TryGetProperty("configuration", out var value) ? value.GetString() : null;
        return string.IsNullOrWhiteSpace(configuration)
            ? throw new InvalidTopologyException(
                $"{Config.TopologyStateProviderConfig} must name the server for the {user}: " +
                """{"configuration": "127.0.0.1:6379,password=…"}""")
            : configuration;
    }
}
