using Npgsql;
using NpgsqlTypes;
using Squall.Runtime.State;

namespace Squall.State.Postgres;

/// <summary>
/// One Trident map in PostgreSQL: rows of table <c>squall_map</c> (map, key, value), the map's name in a column so any number
/// of maps share one table created on first use. Each call is one statement over arrays (<c>unnest</c>), so one round trip;
/// a <see cref="MultiPut"/> is one upsert statement, hence one transaction.
/// </summary>
internal sealed class PostgresMapStore : IMapStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _mapName;
    private readonly string _multiGet;
    private readonly string _multiPut;

    public PostgresMapStore(NpgsqlDataSource dataSource, string schema, string mapName)
    {
        _dataSource = dataSource;
        _mapName = mapName;
        var quoted = PostgresSchema.QuoteIdentifier(schema);
        var table = quoted + ".squall_map";
        // Only present keys come back, with their position in the request, so absent ones stay null in place.
        _multiGet = $"SELECT k.i, m.value FROM unnest($2::bytea[]) WITH ORDINALITY AS k(key, i) JOIN {table} m ON m.map = $1 AND m.key = k.key";
        // ON CONFLICT may touch a row once per statement: of a key given twice, the last value wins, as it would in a loop.
        _multiPut = $"INSERT INTO {table} (map, key, value) " +
            "SELECT DISTINCT ON (kv.key) $1, kv.key, kv.value FROM unnest($2::bytea[], $3::bytea[]) WITH ORDINALITY AS kv(key, value, i) " +
            "ORDER BY kv.key, kv.i DESC ON CONFLICT (map, key) DO UPDATE SET value = EXCLUDED.value";
        PostgresSchema.Create(dataSource, $"""
            CREATE SCHEMA IF NOT EXISTS {quoted};
            CREATE TABLE IF NOT EXISTS {table} (map text NOT NULL, key bytea NOT NULL, value bytea NOT NULL, PRIMARY KEY (map, key));
            """);
    }

    public IReadOnlyList<byte[]?> MultiGet(IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var values = new byte[]?[keys.Count];
        if (keys.Count == 0)
        {
            return values;
        }

        using var command = _dataSource.CreateCommand(_multiGet);
        command.Parameters.AddWithValue(_mapName);
        command.Parameters.Add(ByteaArray(keys));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values[reader.GetInt64(0) - 1] = (byte[])reader[1];
        }

        return values;
    }

    public void MultiPut(IReadOnlyList<byte[]> keys, IReadOnlyList<byte[]> values)
    {
        MapStoreArguments.Check(keys, values);
        if (keys.Count == 0)
        {
            return;
        }

        using var command = _dataSource.CreateCommand(_multiPut);
        command.Parameters.AddWithValue(_mapName);
        command.Parameters.Add(ByteaArray(keys));
        command.Parameters.Add(ByteaArray(values));
        command.ExecuteNonQuery();
    }

    public void Dispose() => _dataSource.Dispose();

    private static NpgsqlParameter ByteaArray(IReadOnlyList<byte[]> items) =>
        new() { Value = items as byte[][] ?? [.. items], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea };
}
