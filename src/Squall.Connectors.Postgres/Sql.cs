namespace Squall.Connectors.Postgres;

/// <summary>Identifier quoting: names from configuration never become SQL syntax.</summary>
internal static class Sql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string QuoteTable(string table) => string.Join('.', table.Split('.').Select(Quote));

    /// <summary>The single-row INSERT (or upsert) statement with parameters $1..$n.</summary>
    public static string Insert(PostgresBoltOptions options)
    {
        var columns = string.Join(", ", options.Columns.Select(Quote));
        var parameters = string.Join(", ", options.Columns.Select((_, i) => "$" + (i + 1)));
        var sql = $"INSERT INTO {QuoteTable(options.Table)} ({columns}) VALUES ({parameters})";
        if (options.ConflictColumns.Count == 0)
        {
            return sql;
        }

        var updates = options.Columns.Where(c => !options.ConflictColumns.Contains(c))
            .Select(c => $"{Quote(c)} = {options.UpdateExpressions.GetValueOrDefault(c) ?? "EXCLUDED." + Quote(c)}")
            .ToList();
        var action = updates.Count == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", updates);
        return $"{sql} ON CONFLICT ({string.Join(", ", options.ConflictColumns.Select(Quote))}) {action}";
    }
}
