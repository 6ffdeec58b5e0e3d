namespace Squall.Cluster.Tests.Cluster;

/// <summary>Cluster tests run one at a time: each starts a dozen processes on a 2-core machine.</summary>
[CollectionDefinition("cluster", DisableParallelization = true)]
public sealed class ClusterCollection;
