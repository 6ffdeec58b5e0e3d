using StackExchange.Redis;

namespace Squall.Connectors.Redis;

/// <summary>
/// Reads a Redis stream through a consumer group: each entry becomes a tuple (<c>id</c> plus the chosen entry
/// fields) tracked by its entry id; when the tree completes the entry is acknowledged (<c>XACK</c>), when it fails
/// it is emitted again. On open the task first re-reads the entries still pending for its own consumer name (it
/// crashed before acking them), and it regularly claims entries left pending by other consumers for longer than
/// <see cref="RedisStreamSpoutOptions.ClaimIdleTime"/> (<c>XAUTOCLAIM</c>): nothing delivered is lost by a crash.
/// </summary>
public sealed class RedisStreamSpout : BaseRichSpout, IDisposable
{
    private readonly RedisStreamSpoutOptions _options;
    private readonly Queue<StreamEntryId> _ready = new();
    private SpoutOutputCollector? _collector;
    private ConnectionMultiplexer? _redis;
    private IDatabase? _db;
    private string _consumer = string.Empty;
    private bool _ownPendingDone;
    private RedisValue _pendingCursor = "0-0";
    private DateTimeOffset _nextRead;
    private DateTimeOffset _nextClaim;

    public RedisStreamSpout(RedisStreamSpoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Reads <paramref name="stream"/> as group <paramref name="group"/>, emitting its <c>message</c> field.</summary>
    public RedisStreamSpout(string configuration, string stream, string group)
        : this(new RedisStreamSpoutOptions { Configuration = configuration, Stream = stream, Group = group })
    {
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.Declare(new Fields(["id", .. _options.EntryFields]));
    }

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _consumer = _options.Consumer ?? $"{context.ThisComponentId}-{context.ThisTaskIndex}";
        _redis = ConnectionMultiplexer.Connect(_options.Configuration);
        _db = _redis.GetDatabase();
        try
        {
            _db.StreamCreateConsumerGroup(_options.Stream, _options.Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists: another task or an earlier run made it.
        }
    }

    public override void NextTuple()
    {
        if (_ready.Count == 0)
        {
            Fetch();
        }

        if (_ready.TryDequeue(out var entry))
        {
            _collector!.Emit(entry.Values, entry);
        }
    }

    public override void Ack(object messageId)
    {
        if (messageId is StreamEntryId entry)
        {
            _db!.StreamAcknowledge(_options.Stream, _options.Group, entry.Id);
        }
    }

    public override void Fail(object messageId)
    {
        if (messageId is StreamEntryId entry)
        {
            _ready.Enqueue(entry);   // still pending in the group; emitted again from here
        }
    }

    public override void Close() => Dispose();

    public void Dispose()
    {
        _redis?.Dispose();
        _redis = null;
    }

    private void Fetch()
    {
        var now = _options.Time.GetUtcNow();
        if (now >= _nextClaim)
        {
            _nextClaim = now + _options.ClaimInterval;
            var claimed = _db!.StreamAutoClaim(_options.Stream, _options.Group, _consumer, (long)_options.ClaimIdleTime.TotalMilliseconds, "0-0", _options.BatchSize);
            Add(claimed.ClaimedEntries);
            if (_ready.Count > 0)
            {
                return;
            }
        }

        if (now < _nextRead)
        {
            return;
        }

        // First this consumer's own pending entries (delivered before a crash, never acked), then new ones.
        var entries = _db!.StreamReadGroup(_options.Stream, _options.Group, _consumer, _ownPendingDone ? StreamPosition.NewMessages : _pendingCursor, _options.BatchSize);
        if (!_ownPendingDone)
        {
            // Reading history returns pending entries after the cursor; move it on so none is read twice.
            _ownPendingDone = entries.Length < _options.BatchSize;
            _pendingCursor = entries.Length > 0 ? entries[^1].Id : _pendingCursor;
        }

        Add(entries);
        if (entries.Length == 0 && _ownPendingDone)
        {
            _nextRead = now + _options.PollInterval;
        }
    }

    private void Add(StreamEntry[] entries)
    {
        foreach (var entry in entries)
        {
            if (entry.IsNull)
            {
                continue;   // deleted while pending
            }

            var values = new object?[_options.EntryFields.Count + 1];
            values[0] = entry.Id.ToString();
            for (var i = 0; i < _options.EntryFields.Count; i++)
            {
                var value = entry[_options.EntryFields[i]];
                values[i + 1] = value.IsNull ? null : value.ToString();
            }

            _ready.Enqueue(new StreamEntryId(entry.Id.ToString(), new Values(values)));
        }
    }
}
