using Squall.Runtime.State;
using Squall.Trident.State;

namespace Squall.Trident.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class MapStateTests
{
    private static readonly IReadOnlyList<object?>[] Keys = [["cat"], ["dog"]];

    [Fact]
    public void Transactional_skips_a_txid_already_applied()
    {
        var state = Open(MapStateFactory.Transactional);
        Add(state, 1, 2, 3);
        Add(state, 1, 2, 3);
        state.MultiGet(Keys).ShouldBe([2L, 3L]);
        Add(state, 2, 1, 1);
        state.MultiGet(Keys).ShouldBe([3L, 4L]);
    }

    [Fact]
    public void Opaque_recomputes_a_replayed_txid_from_the_previous_value()
    {
        var state = Open(MapStateFactory.Opaque);
        Add(state, 1, 2, 3);
        Add(state, 2, 5, 5);
        Add(state, 2, 1, 1); // txid 2 replayed with a different batch: replaces, does not add to, its first attempt
        state.MultiGet(Keys).ShouldBe([3L, 4L]);
    }

    [Fact]
    public void Non_transactional_counts_a_replay_again()
    {
        var state = Open(MapStateFactory.NonTransactional);
        Add(state, 1, 2, 3);
        Add(state, 1, 2, 3);
        state.MultiGet(Keys).ShouldBe([4L, 6L]);
    }

    [Fact]
    public void Absent_keys_read_as_null()
    {
        Open(MapStateFactory.Opaque).MultiGet([["nobody"]]).ShouldBe([null]);
    }

    [Fact]
    public void One_batch_is_one_multi_get_and_one_multi_put()
    {
        var store = new CountingStore();
        using var state = new MapState(store, StateType.Opaque, new StateSerializer(new Config()));
        Add(state, 1, 1, 1);
        (store.Gets, store.Puts).ShouldBe((1, 1));
    }

    private static MapState Open(Func<IMapStoreFactory, string, MapStateFactory> type) =>
        type(new InMemoryMapStoreFactory(), "map-state-" + Guid.NewGuid().ToString("N")).Open(new Config());

    private static void Add(MapState state, long txid, long cat, long dog) =>
        state.MultiUpdate(txid, Keys, (i, before) => (before is null ? 0L : (long)before) + (i == 0 ? cat : dog));

    private sealed class CountingStore : IMapStore
    {
        private readonly InMemoryMapStore _inner = new();

        public int Gets { get; private set; }

        public int Puts { get; private set; }

        public IReadOnlyList<byte[]?> MultiGet(IReadOnlyList<byte[]> keys)
        {
            Gets++;
            return _inner.MultiGet(keys);
        }

        public void MultiPut(IReadOnlyList<byte[]> keys, IReadOnlyList<byte[]> values)
        {
            Puts++;
            _inner.MultiPut(keys, values);
        }

        public void Dispose()
        {
        }
    }
}
