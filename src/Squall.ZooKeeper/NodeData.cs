namespace Squall.ZooKeeper;

/// <summary>A node's data and metadata, as read by GetDataAsync.</summary>
public sealed record NodeData(byte[] Data, Stat Stat);
