using System.Text.Json;

namespace Squall.Runtime.State;

/// <summary>Resolves <c>topology.state.provider</c>: <c>memory</c> (default), <c>postgres</c>, <c>redis</c>, or an assembly-qualified type name.</summary>
public static class StateProviders
{
    /// <summary>The provider named by <paramref name="conf"/>.</summary>
    /// <exception cref="InvalidTopologyException">The name resolves to no type, or to one that is not an <see cref="IStateProvider"/>.</exception>
    public static IStateProvider Resolve(Config conf)
    {
        ArgumentNullException.ThrowIfNull(conf);
        var name = conf.GetString(Config.TopologyStateProvider) ?? "memory";
        var typeName = name.ToUpperInvariant() switch
        {
            "MEMORY" or "INMEMORY" => null,
            "POSTGRES" or "POSTGRESQL" => "Squall.State.Postgres.PostgresStateProvider, Squall.State.Postgres",
            "REDIS" => "Squall.State.Redis.RedisStateProvider, Squall.State.Redis",
            _ => name,
        };
        if (typeName is null)
        {
            return new InMemoryStateProvider();
        }

        Type? type;
        try
        {
            type = Type.GetType(typeName, throwOnError: false);
        }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException or ArgumentException)
        {
            type = null;
        }

        if (type is null || !typeof(IStateProvider).IsAssignableFrom(type))
        {
            throw new InvalidTopologyException(
                $"{Config.TopologyStateProvider} '{name}' names no state provider: use memory, postgres (reference Squall.State.Postgres), " +
                "redis (reference Squall.State.Redis) or the assembly-qualified name of an IStateProvider.");
        }

        return (IStateProvider)Activator.CreateInstance(type)!;
    }

    /// <summary>
    /// <c>topology.state.provider.config</c> as a JSON object: a JSON string, or a map (as YAML or code gives it); empty if unset.
    /// </summary>
    public static JsonElement ProviderConfig(Config conf)
    {
        ArgumentNullException.ThrowIfNull(conf);
        conf.TryGetValue(Config.TopologyStateProviderConfig, out var raw);
        try
        {
            var json = raw switch
            {
                null => "{}",
                string s => s,
                System.Collections.IDictionary map => JsonSerializer.Serialize(
                    map.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture)!, k => map[k])),
                _ => JsonSerializer.Serialize(raw),
            };
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new InvalidTopologyException($"{Config.TopologyStateProviderConfig} must be a JSON object, not {document.RootElement.ValueKind}.");
        }
        catch (JsonException e)
        {
            throw new InvalidTopologyException($"{Config.TopologyStateProviderConfig} is not valid JSON: {e.Message}");
        }
    }
}
