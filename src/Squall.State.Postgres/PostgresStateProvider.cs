using Npgsql;
using Squall.Runtime.State;

namespace Squall.State.Postgres;

/// <summary>
/// Keeps stateful bolts' state in PostgreSQL (<c>topology.state.provider: postgres</c>). <c>topology.state.provider.config</c>:
/// <c>{"connectionString": "Host=…;Username=…;Password=…;Database=…", "schema": "public"}</c>. The tables are created on first
/// use; each commit is one transaction.
/// </summary>
public sealed class PostgresStateProvider : IStateProvider
{
    /// <inheritdoc/>
    public KeyValueStore Open(string stateNamespace, Config conf, TopologyContext context)
    {
        var settings = StateProviders.ProviderConfig(conf);
        var connectionString = settings.TryGetProperty("connectionString", out var value) ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidTopologyException(
                $"{Config.TopologyStateProviderConfig} must name the database for the postgres state provider: " +
                """{"connectionString": "Host=127.0.0.1;Username=squall;Password=…;Database=squall"}""");
        }

        var schema = settings.TryGetProperty("schema", out var s) ? s.GetString() ?? "public" : "public";
        return new PostgresKeyValueStore(NpgsqlDataSource.Create(connectionString), schema, stateNamespace);
    }
}
