using System.Collections.Concurrent;

namespace Squall.Runtime.State;

/// <summary>
/// Opens <see cref="InMemoryMapStore"/>s, one per name for the whole process (local mode: every task of a LocalCluster
/// shares it, and a resubmitted topology finds its state again). In cluster mode each worker has its own, so use it there
/// only where losing the map with the worker is acceptable.
/// </summary>
public sealed class InMemoryMapStoreFactory : IMapStoreFactory
{
    private static readonly ConcurrentDictionary<string, InMemoryMapStore> Maps = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public IMapStore Open(string mapName, Config conf) => Get(mapName);

    /// <summary>The process-wide map <paramref name="mapName"/>, created on first use.</summary>
    public static InMemoryMapStore Get(string mapName)
    {
        ArgumentException.ThrowIfNullOrEmpty(mapName);
        return Maps.GetOrAdd(mapName, _ => new InMemoryMapStore());
    }
}
