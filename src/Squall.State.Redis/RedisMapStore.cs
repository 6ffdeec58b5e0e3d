using Squall.Runtime.State;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Squall.State.Redis;

/// <summary>
/// One Trident map in Redis: a string key per entry, behind the map's prefix. <see cref="MultiGet"/> is one MGET and
/// <see cref="MultiPut"/> one MSET, which Redis applies atomically.
/// </summary>
/// <remarks>
/// The prefix is <c>squall:map:{length}:{name}:</c>: with the name's length in it, no map's keys can look like another's
/// (map <c>a</c> key <c>b:c</c> against map <c>a:b</c> key <c>c</c>). On a Redis Cluster the keys of one call would span
/// slots, which MGET and MSET refuse; the store targets one server (or a primary with replicas), as Storm's RedisMapState.
/// </remarks>
internal sealed class RedisMapStore : IMapStore
{
    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _db;

    public RedisMapStore(ConnectionMultiplexer connection, string mapName)
    {
        _connection = connection;
        _db = connection.GetDatabase().WithKeyPrefix($"squall:map:{mapName.Length}:{mapName}:");
    }

    public IReadOnlyList<byte[]?> MultiGet(IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var values = new byte[]?[keys.Count];
        if (keys.Count == 0)
        {
            return values;
        }

        var redisKeys = new RedisKey[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            redisKeys[i] = keys[i];
        }

        var found = _db.StringGet(redisKeys);
        for (var i = 0; i < found.Length; i++)
        {
            values[i] = found[i].HasValue ? (byte[])found[i]! : null;
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

        var entries = new KeyValuePair<RedisKey, RedisValue>[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            entries[i] = new(keys[i], values[i]);
        }

        _db.StringSet(entries);
    }

    public void Dispose() => _connection.Dispose();
}
