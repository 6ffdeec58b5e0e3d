using System.Collections.Concurrent;
using Squall.Runtime.State;

namespace Squall.Trident.Tests.Local;

/// <summary>
/// An in-memory map store that logs the txid of every write and, on the given writes, throws after writing — a commit
/// whose data reached the store but whose acknowledgement was lost, the case transactional states exist for.
/// </summary>
public sealed class FlakyStoreFactory(params int[] throwAfterWrites) : IMapStoreFactory
{
    private readonly int[] _throwAfterWrites = throwAfterWrites;
    private readonly ConcurrentQueue<long> _writes = new();
    private int _count;

    /// <summary>The txid of each write, in the order they happened.</summary>
    public IReadOnlyList<long> Writes => [.. _writes];

    public IMapStore Open(string mapName, Config conf) => new Store(this, InMemoryMapStoreFactory.Get(mapName), new StateSerializer(conf));

    private sealed class Store(FlakyStoreFactory factory, InMemoryMapStore inner, StateSerializer serializer) : IMapStore
    {
        public IReadOnlyList<byte[]?> MultiGet(IReadOnlyList<byte[]> keys) => inner.MultiGet(keys);

        public void MultiPut(IReadOnlyList<byte[]> keys, IReadOnlyList<byte[]> values)
        {
            inner.MultiPut(keys, values);
            factory._writes.Enqueue((long)((object?[])serializer.Deserialize(values[0])!)[0]!);
            var write = Interlocked.Increment(ref factory._count);
            if (Array.IndexOf(factory._throwAfterWrites, write) >= 0)
            {
                throw new IOException($"injected: write {write} reached the store but its acknowledgement was lost");
            }
        }

        public void Dispose()
        {
        }
    }
}
