namespace Squall.ZooKeeper;

/// <summary>ZooKeeper keeps three watch tables; which one a watch lands in decides which events fire it.</summary>
internal enum WatchKind
{
    /// <summary>Set by get-data, or by exists on a node that exists: fires on data change and delete.</summary>
    Data,

    /// <summary>Set by exists; becomes <see cref="Data"/> if the node exists, or a creation watch if not.</summary>
    Exists,

    /// <summary>Set by get-children: fires on child change and delete.</summary>
    Child,
}
