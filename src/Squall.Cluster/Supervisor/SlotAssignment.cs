namespace Squall.Cluster.Supervisor;

/// <summary>What should run in a slot: one epoch of one topology. A different epoch is a different assignment.</summary>
internal sealed record SlotAssignment(string TopologyId, long Epoch, string PackageHash);
