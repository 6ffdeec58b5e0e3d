using Squall.Runtime.State;

namespace Squall.Trident.State;

/// <summary>
/// Names a map state, the store it lives in and its <see cref="StateType"/> — what <c>PersistentAggregate</c> writes and
/// <c>StateQuery</c> reads. The store is any <see cref="IMapStoreFactory"/>: memory, PostgreSQL, Redis.
/// </summary>
public sealed class MapStateFactory
{
    private MapStateFactory(IMapStoreFactory store, string mapName, StateType type)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(mapName);
        Store = store;
        MapName = mapName;
        Type = type;
    }

    /// <summary>Where the map is kept.</summary>
    public IMapStoreFactory Store { get; }

    /// <summary>The map's name in its store.</summary>
    public string MapName { get; }

    /// <summary>How replays are made exact.</summary>
    public StateType Type { get; }

    /// <summary>A map that stores only values: at least once.</summary>
    public static MapStateFactory NonTransactional(IMapStoreFactory store, string mapName) => new(store, mapName, StateType.NonTransactional);

    /// <summary>A map of value + txid: exactly once with a transactional spout.</summary>
    public static MapStateFactory Transactional(IMapStoreFactory store, string mapName) => new(store, mapName, StateType.Transactional);

    /// <summary>A map of value + previous value + txid: exactly once with an opaque or transactional spout.</summary>
    public static MapStateFactory Opaque(IMapStoreFactory store, string mapName) => new(store, mapName, StateType.Opaque);

    internal MapState Open(Config conf) => new(Store.Open(MapName, conf), Type, new StateSerializer(conf));
}
