using Npgsql;

namespace Squall.Connectors.Postgres;

/// <summary>
/// Enriches tuples from PostgreSQL: runs <c>query</c> with the values of <c>parameterFields</c> as $1..$n and emits,
/// anchored to the input, the input's values followed by each result row's columns (no row: nothing emitted,
/// unless <c>emitOnMiss</c>, then nulls); then acks the input. A database error fails the input.
/// </summary>
public sealed class PostgresLookupBolt : BaseRichBolt, IDisposable
{
    private readonly string _connectionString;
    private readonly string _query;
    private readonly string[] _parameterFields;
    private readonly Fields _inputFields;
    private readonly string[] _resultColumns;
    private readonly bool _emitOnMiss;
    private OutputCollector? _collector;
    private NpgsqlDataSource? _dataSource;

    /// <param name="inputFields">The fields of the input stream (they lead the output).</param>
    /// <param name="resultColumns">The output names of the query's columns, in order.</param>
    public PostgresLookupBolt(string connectionString, string query, string[] parameterFields, string[] inputFields, string[] resultColumns, bool emitOnMiss = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        _connectionString = connectionString;
        _query = query;
        _parameterFields = parameterFields ?? [];
        _inputFields = new Fields(inputFields ?? []);
        _resultColumns = resultColumns ?? [];
        _emitOnMiss = emitOnMiss;
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.Declare(new Fields([.. _inputFields, .. _resultColumns]));
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _collector = collector;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    public override void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var command = _dataSource!.CreateCommand(_query);
            foreach (var field in _parameterFields)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = input.GetValueByField(field) ?? DBNull.Value });
            }

            var emitted = false;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    Emit(input, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
                    emitted = true;
                }
            }

            if (!emitted && _emitOnMiss)
            {
                Emit(input, _ => null);
            }

            _collector!.Ack(input);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or InvalidCastException)
        {
            _collector!.Fail(input, $"lookup failed: {e.Message}");
        }
    }

    public override void Cleanup() => Dispose();

    public void Dispose()
    {
        _dataSource?.Dispose();
        _dataSource = null;
    }

    private void Emit(Tuple input, Func<int, object?> column)
    {
        var values = new object?[_inputFields.Count + _resultColumns.Length];
        for (var i = 0; i < _inputFields.Count; i++)
        {
            values[i] = input.GetValue(i);
        }

        for (var i = 0; i < _resultColumns.Length; i++)
        {
            values[_inputFields.Count + i] = column(i);
        }

        _collector!.Emit(input, new Values(values));
    }
}
