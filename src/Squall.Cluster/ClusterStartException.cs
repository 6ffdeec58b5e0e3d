namespace Squall.Cluster;

/// <summary>A daemon cannot start (bad configuration, unreachable ZooKeeper); the message says what to fix.</summary>
internal sealed class ClusterStartException(string message) : Exception(message);
