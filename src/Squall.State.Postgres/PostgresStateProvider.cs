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
        var settings = PostgresSettings.From(conf, "postgres state provider");
        return new PostgresKeyValueStore(NpgsqlDataSource.Create(settings.ConnectionString), settings.Schema, stateNamespace);
    }
}
