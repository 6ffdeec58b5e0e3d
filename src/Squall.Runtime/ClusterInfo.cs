namespace Squall.Runtime;

/// <summary>What a cluster runs (Storm's <c>ClusterSummary</c>); a local cluster is one supervisor in this process.</summary>
/// <param name="Supervisors">Supervisors (1 for a local cluster).</param>
/// <param name="Topologies">The running topologies.</param>
public sealed record ClusterInfo(int Supervisors, IReadOnlyList<TopologySummary> Topologies);
