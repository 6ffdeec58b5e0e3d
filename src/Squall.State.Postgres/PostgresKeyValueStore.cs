using Npgsql;
using Squall.Runtime.State;

namespace Squall.State.Postgres;

/// <summary>
/// One task's state in PostgreSQL. Three tables shared by all namespaces: <c>squall_state</c> (committed key → value),
/// <c>squall_state_prepared</c> (the prepared transaction's changes; a null value deletes) and <c>squall_state_tx</c> (the
/// prepared and last committed txid per namespace). A commit applies the prepared changes, empties them and records the txid in
/// one transaction, so a crash leaves either the old committed state plus the prepared changes, or the new committed state.
/// </summary>
internal sealed class PostgresKeyValueStore : KeyValueStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _namespace;

    public PostgresKeyValueStore(NpgsqlDataSource dataSource, string schema, string stateNamespace)
    {
        _dataSource = dataSource;
        _schema = PostgresSchema.QuoteIdentifier(schema);
        _namespace = stateNamespace;
        PostgresSchema.Create(_dataSource, $"""
            CREATE SCHEMA IF NOT EXISTS {_schema};
            CREATE TABLE IF NOT EXISTS {_schema}.squall_state (namespace text NOT NULL, key bytea NOT NULL, value bytea NOT NULL, PRIMARY KEY (namespace, key));
            CREATE TABLE IF NOT EXISTS {_schema}.squall_state_prepared (namespace text NOT NULL, key bytea NOT NULL, value bytea, PRIMARY KEY (namespace, key));
            CREATE TABLE IF NOT EXISTS {_schema}.squall_state_tx (namespace text PRIMARY KEY, prepared_txid bigint, committed_txid bigint);
            """);
    }

    /// <summary>The last committed txid of this namespace, or null.</summary>
    public long? CommittedTxid()
    {
        using var command = _dataSource.CreateCommand($"SELECT committed_txid FROM {_schema}.squall_state_tx WHERE namespace = $1");
        command.Parameters.AddWithValue(_namespace);
        return command.ExecuteScalar() is long txid ? txid : null;
    }

    protected override byte[]? LoadCommitted(byte[] key)
    {
        using var command = _dataSource.CreateCommand($"SELECT value FROM {_schema}.squall_state WHERE namespace = $1 AND key = $2");
        command.Parameters.AddWithValue(_namespace);
        command.Parameters.AddWithValue(key);
        return command.ExecuteScalar() as byte[];
    }

    protected override IEnumerable<KeyValuePair<byte[], byte[]>> ScanCommitted()
    {
        var rows = new List<KeyValuePair<byte[], byte[]>>();
        using var command = _dataSource.CreateCommand($"SELECT key, value FROM {_schema}.squall_state WHERE namespace = $1");
        command.Parameters.AddWithValue(_namespace);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new((byte[])reader[0], (byte[])reader[1]));
        }

        return rows;
    }

    protected override (long Txid, Dictionary<byte[], byte[]?> Changes)? LoadPrepared()
    {
        using var tx = _dataSource.CreateCommand($"SELECT prepared_txid FROM {_schema}.squall_state_tx WHERE namespace = $1");
        tx.Parameters.AddWithValue(_namespace);
        if (tx.ExecuteScalar() is not long txid)
        {
            return null;
        }

        var changes = new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        using var command = _dataSource.CreateCommand($"SELECT key, value FROM {_schema}.squall_state_prepared WHERE namespace = $1");
        command.Parameters.AddWithValue(_namespace);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            changes[(byte[])reader[0]] = reader.IsDBNull(1) ? null : (byte[])reader[1];
        }

        return (txid, changes);
    }

    protected override void SavePrepared(long txid, IReadOnlyDictionary<byte[], byte[]?> changes)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        PostgresSchema.Execute(connection, $"DELETE FROM {_schema}.squall_state_prepared WHERE namespace = $1", _namespace);
        using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var (key, value) in changes)
            {
                var insert = new NpgsqlBatchCommand($"INSERT INTO {_schema}.squall_state_prepared (namespace, key, value) VALUES ($1, $2, $3)");
                insert.Parameters.AddWithValue(_namespace);
                insert.Parameters.AddWithValue(key);
                insert.Parameters.AddWithValue((object?)value ?? DBNull.Value);
                batch.BatchCommands.Add(insert);
            }

            if (batch.BatchCommands.Count > 0)
            {
                batch.ExecuteNonQuery();
            }
        }

        PostgresSchema.Execute(connection,
            $"INSERT INTO {_schema}.squall_state_tx (namespace, prepared_txid) VALUES ($1, $2) ON CONFLICT (namespace) DO UPDATE SET prepared_txid = $2",
            _namespace, txid);
        transaction.Commit();
    }

    protected override void SaveCommit(long? txid, IReadOnlyDictionary<byte[], byte[]?> changes)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var (key, value) in changes)
            {
                var command = value is null
                    ? new NpgsqlBatchCommand($"DELETE FROM {_schema}.squall_state WHERE namespace = $1 AND key = $2")
                    : new NpgsqlBatchCommand(
                        $"INSERT INTO {_schema}.squall_state (namespace, key, value) VALUES ($1, $2, $3) ON CONFLICT (namespace, key) DO UPDATE SET value = $3");
                command.Parameters.AddWithValue(_namespace);
                command.Parameters.AddWithValue(key);
                if (value is not null)
                {
                    command.Parameters.AddWithValue(value);
                }

                batch.BatchCommands.Add(command);
            }

            if (batch.BatchCommands.Count > 0)
            {
                batch.ExecuteNonQuery();
            }
        }

        PostgresSchema.Execute(connection, $"DELETE FROM {_schema}.squall_state_prepared WHERE namespace = $1", _namespace);
        PostgresSchema.Execute(connection,
            $"INSERT INTO {_schema}.squall_state_tx (namespace, prepared_txid, committed_txid) VALUES ($1, NULL, $2) " +
            $"ON CONFLICT (namespace) DO UPDATE SET prepared_txid = NULL, committed_txid = COALESCE($2, {_schema}.squall_state_tx.committed_txid)",
            _namespace, (object?)txid ?? DBNull.Value);
        transaction.Commit();
    }

    protected override void DiscardPrepared()
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        PostgresSchema.Execute(connection, $"DELETE FROM {_schema}.squall_state_prepared WHERE namespace = $1", _namespace);
        PostgresSchema.Execute(connection, $"UPDATE {_schema}.squall_state_tx SET prepared_txid = NULL WHERE namespace = $1", _namespace);
        transaction.Commit();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }
}
