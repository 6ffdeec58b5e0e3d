namespace Squall.ZooKeeper;

/// <summary>What happened to a watched node; the values are ZooKeeper's wire values.</summary>
public enum EventType
{
    /// <summary>No node changed: the session ended (expired or closed) and the watch will never fire.</summary>
    None = -1,
    NodeCreated = 1,
    NodeDeleted = 2,
    NodeDataChanged = 3,
    NodeChildrenChanged = 4,
}
