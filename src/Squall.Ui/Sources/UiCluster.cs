namespace Squall.Ui.Sources;

/// <summary>What the cluster page shows: the Nimbuses, the supervisors and every topology.</summary>
internal sealed record UiCluster(IReadOnlyList<UiNimbus> Nimbuses, IReadOnlyList<UiSupervisor> Supervisors, IReadOnlyList<UiTopology> Topologies);
