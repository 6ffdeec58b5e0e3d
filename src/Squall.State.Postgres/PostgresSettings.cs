using Squall.Runtime.State;

namespace Squall.State.Postgres;

/// <summary>
/// The PostgreSQL part of <c>topology.state.provider.config</c>, shared by the state provider and the map store:
/// <c>{"connectionString": "Host=…;Username=…;Password=…;Database=…", "schema": "public"}</c>.
/// </summary>
internal sealed record PostgresSettings(string ConnectionString, string Schema)
{
    /// <summary>Reads the settings for <paramref name="user"/> (named in the error when the connection string is missing).</summary>
    public static PostgresSettings From(Config conf, string user)
    {
        var settings = StateProviders.ProviderConfig(conf);
        var connectionString = settings.TryGetProperty("connectionString", out var value) ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidTopologyException(
                $"{Config.TopologyStateProviderConfig} must name the database for the {user}: " +
                """{"connectionString": "Host=127.0.0.1;Username=squall;Password=…;Database=squall"}""");
        }

        var schema = settings.TryGetProperty("schema", out var s) ? s.GetString() ?? "public" : "public";
        return new PostgresSettings(connectionString, schema);
    }
}
