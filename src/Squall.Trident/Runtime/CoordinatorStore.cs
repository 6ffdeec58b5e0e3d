using Squall.Runtime.State;

namespace Squall.Trident.Runtime;

/// <summary>
/// Where the batch coordinator keeps its last committed txid and transactional spouts their batch metadata, keyed by the
/// stream's txId so a redeployed topology resumes: Storm keeps these in ZooKeeper; here they live in a map of the same
/// stores as the state (memory in local mode, PostgreSQL or Redis in a cluster), so they survive whatever the state survives.
/// </summary>
internal sealed class CoordinatorStore(IMapStore store, StateSerializer serializer) : IDisposable
{
    public const string MapName = "trident-coordinator";

    public object? Get(string key) => store.MultiGet([serializer.Serialize(key)])[0] is { } bytes ? serializer.Deserialize(bytes) : null;

    public void Put(string key, object? value) => store.MultiPut([serializer.Serialize(key)], [serializer.Serialize(value)]);

    public void Dispose() => store.Dispose();

    public static CoordinatorStore Open(IMapStoreFactory factory, Config conf) => new(factory.Open(MapName, conf), new StateSerializer(conf));
}
