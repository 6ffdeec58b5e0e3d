using Squall.Cluster.State;

namespace Squall.Cluster.Nimbus;

/// <summary>Everything the leader reads from ZooKeeper (and its heartbeat tracker) to decide what to write.</summary>
internal sealed record ClusterSnapshot(
    IReadOnlyList<TopologyRecord> Topologies,
    IReadOnlyDictionary<string, Assignment> Assignments,
    IReadOnlyList<SupervisorInfo> LiveSupervisors,
    DateTimeOffset Now);
