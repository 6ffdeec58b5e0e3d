namespace Squall.Drpc.Tests.Cluster;

/// <summary>The DRPC cluster tests run alone: they start a dozen processes on a small machine.</summary>
[CollectionDefinition("drpc-cluster", DisableParallelization = true)]
public sealed class DrpcClusterCollection : ICollectionFixture<DrpcClusterFixture>;
