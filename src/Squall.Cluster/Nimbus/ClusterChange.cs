using Squall.Cluster.State;

namespace Squall.Cluster.Nimbus;

/// <summary>One write the leader makes to ZooKeeper; the reconciler's pure output.</summary>
internal abstract record ClusterChange
{
    public sealed record PutTopology(TopologyRecord Topology) : ClusterChange;

    public sealed record RemoveTopology(string TopologyId) : ClusterChange;

    public sealed record PutAssignment(Assignment Assignment) : ClusterChange;
}
