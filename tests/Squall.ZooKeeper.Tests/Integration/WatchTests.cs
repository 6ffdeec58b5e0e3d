using Squall.ZooKeeper.Tests.Infrastructure;

namespace Squall.ZooKeeper.Tests.Integration;

[Collection(ZooKeeperCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WatchTests(ZooKeeperFixture fixture) : ChrootedTest(fixture)
{
    private readonly EventRecorder<string> _events = new();

    [Fact]
    public async Task Data_watch_fires_once_for_two_changes()
    {
        await Client.CreateAsync("/node", Bytes("0"));
        await Client.GetDataAsync("/node", _events.Watcher(e => $"{e.Type} {e.Path}"));

        await Client.SetDataAsync("/node", Bytes("1"));
        await Client.SetDataAsync("/node", Bytes("2"));
        await FireBarrierAsync();

        await AssertNextEventsAsync("NodeDataChanged /node", "barrier");
    }

    [Fact]
    public async Task Exists_watch_on_a_missing_node_fires_on_creation()
    {
        (await Client.ExistsAsync("/later", _events.Watcher(e => $"{e.Type} {e.Path}"))).ShouldBeNull();

        await Client.CreateAsync("/later", ReadOnlyMemory<byte>.Empty);

        await AssertNextEventsAsync("NodeCreated /later");
    }

    [Fact]
    public async Task Child_watch_fires_on_a_new_child_and_data_and_child_watches_fire_on_delete()
    {
        await Client.CreateAsync("/parent", ReadOnlyMemory<byte>.Empty);
        await Client.GetChildrenAsync("/parent", _events.Watcher(e => $"child {e.Type} {e.Path}"));
        await Client.CreateAsync("/parent/a", ReadOnlyMemory<byte>.Empty);
        await AssertNextEventsAsync("child NodeChildrenChanged /parent");

        await Client.GetChildrenAsync("/parent", _events.Watcher(e => $"child {e.Type} {e.Path}"));
        await Client.GetDataAsync("/parent/a", _events.Watcher(e => $"data {e.Type} {e.Path}"));
        await Client.DeleteAsync("/parent/a");

        // The server notifies the child's deletion first, then the parent's child list change.
        await AssertNextEventsAsync("data NodeDeleted /parent/a", "child NodeChildrenChanged /parent");
    }

    [Fact]
    public async Task Watches_on_several_nodes_are_delivered_in_the_order_of_the_changes()
    {
        string[] nodes = ["/c", "/a", "/d", "/b"];
        foreach (var node in nodes)
        {
            await Client.CreateAsync(node, ReadOnlyMemory<byte>.Empty);
            await Client.GetDataAsync(node, _events.Watcher(e => e.Path!));
        }

        // A second client changes them, so the order is the server's, not this client's.
        var other = await ConnectAsync();
        foreach (var node in nodes)
        {
            await other.SetDataAsync(node, Bytes("x"));
        }

        await AssertNextEventsAsync(nodes);
    }

    [Fact]
    public async Task The_same_watcher_on_the_same_node_fires_once_and_distinct_watchers_each_fire()
    {
        await Client.CreateAsync("/node", ReadOnlyMemory<byte>.Empty);
        var shared = _events.Watcher(e => "shared");
        await Client.GetDataAsync("/node", shared);
        await Client.ExistsAsync("/node", shared);
        await Client.GetDataAsync("/node", _events.Watcher(e => "other"));

        await Client.SetDataAsync("/node", Bytes("x"));
        await FireBarrierAsync();

        await AssertNextEventsAsync("shared", "other", "barrier");
    }

    [Fact]
    public async Task A_watch_callback_can_call_the_client()
    {
        await Client.CreateAsync("/node", Bytes("0"));
        await Client.GetDataAsync("/node", async e =>
        {
            var data = await Client.GetDataAsync(e.Path!);
            _events.Add(System.Text.Encoding.UTF8.GetString(data.Data));
        });

        await Client.SetDataAsync("/node", Bytes("1"));

        await AssertNextEventsAsync("1");
    }

    /// <summary>Fires a watch set last: watches are delivered in order, so anything before it has been delivered.</summary>
    private async Task FireBarrierAsync()
    {
        await Client.CreateAsync("/barrier", ReadOnlyMemory<byte>.Empty);
        await Client.GetDataAsync("/barrier", _events.Watcher(_ => "barrier"));
        await Client.DeleteAsync("/barrier");
    }

    private async Task AssertNextEventsAsync(params string[] expected)
    {
        var actual = new List<string>();
        foreach (var _ in expected)
        {
            actual.Add(await _events.NextAsync());
        }

        actual.ShouldBe(expected);
    }
}
