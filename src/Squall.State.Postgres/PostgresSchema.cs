using Npgsql;

namespace Squall.State.Postgres;

/// <summary>SQL helpers shared by the PostgreSQL stores: identifier quoting, parameterised statements and first-use DDL.</summary>
internal static class PostgresSchema
{
    // One advisory lock for all of Squall's DDL: CREATE TABLE IF NOT EXISTS run by many tasks at once can race on the catalog.
    private const long DdlLock = 7345214;

    /// <summary>Runs <paramref name="ddl"/> (CREATE … IF NOT EXISTS statements) in one transaction, serialised with every other task's.</summary>
    public static void Create(NpgsqlDataSource dataSource, string ddl)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock($1)", DdlLock);
        Execute(connection, ddl);
        transaction.Commit();
    }

    /// <summary>Runs <paramref name="sql"/> with positional parameters ($1, $2, …); a null parameter is SQL NULL.</summary>
    public static void Execute(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary><paramref name="identifier"/> as a quoted SQL identifier, so any schema name is taken literally.</summary>
    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
