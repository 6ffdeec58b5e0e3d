namespace Squall.Connectors.Postgres;

/// <summary>Settings of a <see cref="PostgresBolt"/>: the table, the column mapping and the upsert rule.</summary>
public sealed record PostgresBoltOptions
{
    /// <summary>An Npgsql connection string.</summary>
    public string ConnectionString { get; init; } = string.Empty;

    /// <summary>The table written (may be schema-qualified; it is quoted part by part).</summary>
    public string Table { get; init; } = string.Empty;

    /// <summary>The columns written, in order.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The user mapping: a tuple to the values of <see cref="Columns"/>. Default: the tuple's fields of the same names.</summary>
    public Func<Tuple, object?[]>? Mapping { get; init; }

    /// <summary>Upsert on these key columns (<c>ON CONFLICT (...) DO UPDATE</c>); empty inserts plainly.</summary>
    public IReadOnlyList<string> ConflictColumns { get; init; } = [];

    /// <summary>
    /// SQL for updated columns on conflict, by column (e.g. <c>count</c> → <c>"words"."count" + EXCLUDED."count"</c> to add);
    /// a column not named here takes the new value.
    /// </summary>
    public IReadOnlyDictionary<string, string> UpdateExpressions { get; init; } = new Dictionary<string, string>();

    /// <summary>Rows written per transaction; inputs are acked once it commits.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Tick frequency: a partial batch is written at least this often.</summary>
    public int FlushIntervalSecs { get; init; } = 1;

    /// <summary>Throws with every problem named.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString) || string.IsNullOrWhiteSpace(Table) || Columns.Count == 0)
        {
            problems.Add("ConnectionString, Table and Columns are required.");
        }

        if (ConflictColumns.Any(c => !Columns.Contains(c)))
        {
            problems.Add("ConflictColumns must be among Columns.");
        }

        if (BatchSize < 1 || FlushIntervalSecs < 1)
        {
            problems.Add("BatchSize and FlushIntervalSecs must be at least 1.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("PostgresBoltOptions: " + string.Join(" ", problems));
        }
    }
}
