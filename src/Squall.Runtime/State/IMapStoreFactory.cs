namespace Squall.Runtime.State;

/// <summary>Opens the <see cref="IMapStore"/> named <c>mapName</c> (one Trident state); a store of the same name opened by any
/// task of any worker sees the same data.</summary>
public interface IMapStoreFactory
{
    /// <summary>Opens (creating on first use) the map <paramref name="mapName"/>.</summary>
    IMapStore Open(string mapName, Config conf);
}
