using Npgsql;
using Squall.Runtime.State;

namespace Squall.State.Postgres;

/// <summary>
/// Opens Trident maps in PostgreSQL, configured like <see cref="PostgresStateProvider"/> by <c>topology.state.provider.config</c>:
/// <c>{"connectionString": "Host=…;Username=…;Password=…;Database=…", "schema": "public"}</c>. All maps share table
/// <c>squall_map</c>, created on first use; tasks opening the same map name read and write the same rows.
/// </summary>
public sealed class PostgresMapStoreFactory : IMapStoreFactory
{
    /// <inheritdoc/>
    public IMapStore Open(string mapName, Config conf)
    {
        ArgumentException.ThrowIfNullOrEmpty(mapName);
        var settings = PostgresSettings.From(conf, "postgres map store");
        return new PostgresMapStore(NpgsqlDataSource.Create(settings.ConnectionString), settings.Schema, mapName);
    }
}
