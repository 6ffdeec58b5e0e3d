namespace Squall.ZooKeeper.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class WatchManagerTests
{
    private readonly WatchManager _watches = new();
    private readonly Func<WatchedEvent, Task> _data = _ => Task.CompletedTask;
    private readonly Func<WatchedEvent, Task> _exists = _ => Task.CompletedTask;
    private readonly Func<WatchedEvent, Task> _child = _ => Task.CompletedTask;

    [Fact]
    public void A_watch_fires_once()
    {
        _watches.Register(new WatchRegistration(WatchKind.Data, "/a", _data), ErrorCode.Ok);

        _watches.Trigger(EventType.NodeDataChanged, "/a").ShouldBe([_data]);
        _watches.Trigger(EventType.NodeDataChanged, "/a").ShouldBeEmpty();
    }

    [Fact]
    public void Failed_requests_set_no_watch_except_exists_on_a_missing_node()
    {
        _watches.Register(new WatchRegistration(WatchKind.Data, "/a", _data), ErrorCode.NoNode);
        _watches.Register(new WatchRegistration(WatchKind.Child, "/a", _child), ErrorCode.NoNode);
        _watches.Register(new WatchRegistration(WatchKind.Exists, "/a", _exists), ErrorCode.NoNode);

        var (data, exist, child) = _watches.Paths();
        data.ShouldBeEmpty();
        exist.ShouldBe(["/a"]);
        child.ShouldBeEmpty();
        _watches.Trigger(EventType.NodeCreated, "/a").ShouldBe([_exists]);
    }

    [Fact]
    public void Children_changes_fire_only_child_watches_and_deletion_fires_all()
    {
        _watches.Register(new WatchRegistration(WatchKind.Data, "/a", _data), ErrorCode.Ok);
        _watches.Register(new WatchRegistration(WatchKind.Exists, "/a", _exists), ErrorCode.Ok);
        _watches.Register(new WatchRegistration(WatchKind.Child, "/a", _child), ErrorCode.Ok);

        _watches.Trigger(EventType.NodeChildrenChanged, "/a").ShouldBe([_child]);
        _watches.Trigger(EventType.NodeDeleted, "/a").ShouldBe([_data, _exists]);
    }

    [Fact]
    public void TakeAll_empties_every_table()
    {
        _watches.Register(new WatchRegistration(WatchKind.Data, "/a", _data), ErrorCode.Ok);
        _watches.Register(new WatchRegistration(WatchKind.Child, "/b", _child), ErrorCode.Ok);

        _watches.TakeAll().Count.ShouldBe(2);
        _watches.Paths().Data.ShouldBeEmpty();
        _watches.Paths().Child.ShouldBeEmpty();
    }
}
