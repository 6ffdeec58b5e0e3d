using Squall.Runtime.State;
using StackExchange.Redis;

namespace Squall.State.Redis;

/// <summary>
/// One task's state in Redis, laid out as Storm's RedisKeyValueState: hash <c>ns</c> holds the committed state, hash
/// <c>ns$prepare</c> the prepared changes (a deletion is stored as an empty value behind a marker byte), and hash <c>ns$tx</c>
/// the prepared and committed txids. A commit is one MULTI/EXEC transaction.
/// </summary>
internal sealed class RedisKeyValueStore : KeyValueStore
{
    // Prepared values carry a marker byte so a deletion (tombstone) can be told from a value.
    private const byte Present = 1;
    private const byte Deleted = 0;

    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _db;
    private readonly RedisKey _committed;
    private readonly RedisKey _prepared;
    private readonly RedisKey _tx;

    public RedisKeyValueStore(ConnectionMultiplexer connection, string stateNamespace)
    {
        _connection = connection;
        _db = connection.GetDatabase();
        _committed = stateNamespace;
        _prepared = stateNamespace + "$prepare";
        _tx = stateNamespace + "$tx";
    }

    /// <summary>The last committed txid, or null.</summary>
    public long? CommittedTxid() => _db.HashGet(_tx, "committed") is { HasValue: true } v ? (long)v : null;

    protected override byte[]? LoadCommitted(byte[] key) => _db.HashGet(_committed, key) is { HasValue: true } v ? (byte[])v! : null;

    protected override IEnumerable<KeyValuePair<byte[], byte[]>> ScanCommitted() =>
        [.. _db.HashGetAll(_committed).Select(e => new KeyValuePair<byte[], byte[]>((byte[])e.Name!, (byte[])e.Value!))];

    protected override (long Txid, Dictionary<byte[], byte[]?> Changes)? LoadPrepared()
    {
        if (_db.HashGet(_tx, "prepared") is not { HasValue: true } txid)
        {
            return null;
        }

        var changes = new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        foreach (var entry in _db.HashGetAll(_prepared))
        {
            var bytes = (byte[])entry.Value!;
            changes[(byte[])entry.Name!] = bytes[0] == Present ? bytes[1..] : null;
        }

        return ((long)txid, changes);
    }

    protected override void SavePrepared(long txid, IReadOnlyDictionary<byte[], byte[]?> changes)
    {
        var transaction = _db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(_prepared);
        if (changes.Count > 0)
        {
            _ = transaction.HashSetAsync(_prepared, [.. changes.Select(c => new HashEntry(c.Key, c.Value is null ? new[] { Deleted } : [Present, .. c.Value]))]);
        }

        _ = transaction.HashSetAsync(_tx, "prepared", txid);
        Execute(transaction);
    }

    protected override void SaveCommit(long? txid, IReadOnlyDictionary<byte[], byte[]?> changes)
    {
        var transaction = _db.CreateTransaction();
        var sets = changes.Where(c => c.Value is not null).Select(c => new HashEntry(c.Key, c.Value)).ToArray();
        var deletes = changes.Where(c => c.Value is null).Select(c => (RedisValue)c.Key).ToArray();
        if (sets.Length > 0)
        {
            _ = transaction.HashSetAsync(_committed, sets);
        }

        if (deletes.Length > 0)
        {
            _ = transaction.HashDeleteAsync(_committed, deletes);
        }

        _ = transaction.KeyDeleteAsync(_prepared);
        _ = transaction.HashDeleteAsync(_tx, "prepared");
        if (txid is { } committed)
        {
            _ = transaction.HashSetAsync(_tx, "committed", committed);
        }

        Execute(transaction);
    }

    protected override void DiscardPrepared()
    {
        var transaction = _db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(_prepared);
        _ = transaction.HashDeleteAsync(_tx, "prepared");
        Execute(transaction);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Execute(ITransaction transaction)
    {
        if (!transaction.Execute())
        {
            throw new InvalidOperationException("The Redis state transaction was not executed.");
        }
    }
}
