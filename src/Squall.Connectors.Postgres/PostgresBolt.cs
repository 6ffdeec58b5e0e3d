using Npgsql;

namespace Squall.Connectors.Postgres;

/// <summary>
/// Writes tuples to a PostgreSQL table in batches: each batch is one transaction of single-row inserts or upserts
/// sent in one round trip (an <see cref="NpgsqlBatch"/>, so one key may appear twice in a batch), and its inputs are
/// acked only after the commit. A failed batch is rolled back and all its inputs failed, so the spout replays them;
/// with an upsert that keeps the table right (an additive upsert counts a replayed tuple again: at least once).
/// </summary>
public sealed class PostgresBolt : BaseRichBolt, IDisposable
{
    private readonly PostgresBoltOptions _options;
    private readonly List<Tuple> _batch = [];
    private readonly string _sql;
    private OutputCollector? _collector;
    private NpgsqlDataSource? _dataSource;
    private int[]? _fieldIndices;

    public PostgresBolt(PostgresBoltOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _sql = Sql.Insert(options);
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override IReadOnlyDictionary<string, object?>? GetComponentConfiguration() =>
        new Dictionary<string, object?> { [Config.TopologyTickTupleFreqSecs] = _options.FlushIntervalSecs };

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _collector = collector;
        _dataSource = NpgsqlDataSource.Create(_options.ConnectionString);
    }

    public override void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.IsTick)
        {
            _batch.Add(input);
        }

        if (_batch.Count >= _options.BatchSize || (input.IsTick && _batch.Count > 0))
        {
            Flush();
        }
    }

    public override void Cleanup()
    {
        if (_batch.Count > 0)
        {
            Flush();
        }

        Dispose();
    }

    public void Dispose()
    {
        _dataSource?.Dispose();
        _dataSource = null;
    }

    private void Flush()
    {
        try
        {
            using var connection = _dataSource!.OpenConnection();
            using var transaction = connection.BeginTransaction();
            using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var tuple in _batch)
            {
                var command = new NpgsqlBatchCommand(_sql);
                foreach (var value in Row(tuple))
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }

                batch.BatchCommands.Add(command);
            }

            batch.ExecuteNonQuery();
            transaction.Commit();
            foreach (var tuple in _batch)
            {
                _collector!.Ack(tuple);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or InvalidCastException or ArgumentException)
        {
            _collector!.ReportError(e);
            foreach (var tuple in _batch)
            {
                _collector!.Fail(tuple, $"writing to {_options.Table} failed: {e.Message}");
            }
        }

        _batch.Clear();
    }

    private object?[] Row(Tuple tuple)
    {
        if (_options.Mapping is { } mapping)
        {
            return mapping(tuple);
        }

        _fieldIndices ??= [.. _options.Columns.Select(c => tuple.Fields.Contains(c)
            ? tuple.Fields.FieldIndex(c)
            : throw new InvalidOperationException($"Column '{c}' has no field of that name in the input ({tuple.Fields}); give a Mapping."))];
        var row = new object?[_fieldIndices.Length];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = tuple.GetValue(_fieldIndices[i]);
        }

        return row;
    }
}
