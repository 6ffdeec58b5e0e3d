namespace Squall.Trident.Tests.Cluster;

/// <summary>The Trident cluster tests run alone: each starts a dozen processes on a small machine.</summary>
[CollectionDefinition("trident-cluster", DisableParallelization = true)]
public sealed class TridentClusterCollection;
