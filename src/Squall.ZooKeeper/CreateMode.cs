namespace Squall.ZooKeeper;

/// <summary>How a node is created; the values are ZooKeeper's wire flags.</summary>
public enum CreateMode
{
    Persistent = 0,
    Ephemeral = 1,
    PersistentSequential = 2,
    EphemeralSequential = 3,
}
