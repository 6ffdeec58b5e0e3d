using Squall.Runtime.State;

namespace Squall.Trident.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class InMemoryMapStoreTests
{
    [Fact]
    public void Stores_opened_by_the_same_name_share_their_entries()
    {
        var name = "shared-" + Guid.NewGuid().ToString("N");
        using var writer = new InMemoryMapStoreFactory().Open(name, new Config());
        using var reader = new InMemoryMapStoreFactory().Open(name, new Config());
        writer.MultiPut([[1], [2]], [[10], [20]]);
        reader.MultiGet([[2], [1], [3]]).ShouldBe([[20], [10], null]);
        new InMemoryMapStoreFactory().Open("other-" + name, new Config()).MultiGet([[1]]).ShouldBe([null]);
    }

    [Fact]
    public void Keys_and_values_that_do_not_pair_up_are_refused()
    {
        using var store = new InMemoryMapStore();
        Should.Throw<ArgumentException>(() => store.MultiPut([[1], [2]], [[10]])).Message.ShouldStartWith("MultiPut got 2 keys and 1 values: they must pair up.");
    }
}
