namespace Squall.ZooKeeper;

/// <summary>A node's child names (not full paths) and the parent's metadata, as read by GetChildrenAsync.</summary>
public sealed record NodeChildren(IReadOnlyList<string> Children, Stat Stat);
