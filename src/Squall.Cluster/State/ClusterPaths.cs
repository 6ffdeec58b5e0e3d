namespace Squall.Cluster.State;

/// <summary>
/// The ZooKeeper layout, all under <c>storm.zookeeper.root</c>. Metadata only: no heartbeats live here.
/// <code>
/// {root}/nimbus-election/…        leader election (ephemeral-sequential; data: NimbusInfo)
/// {root}/supervisors/{id}         live supervisors (ephemeral; data: SupervisorInfo)
/// {root}/topologies/{id}          submitted topologies (data: TopologyRecord)
/// {root}/assignments/{id}         where they run (data: Assignment, with its epoch)
/// {root}/packages/{id}/{nimbus}   which Nimbus holds which package (ephemeral)
/// </code>
/// </summary>
internal sealed class ClusterPaths(string root)
{
    public string Root { get; } = root == "/" ? string.Empty : root;

    public string Election => $"{Root}/nimbus-election";

    public string Supervisors => $"{Root}/supervisors";

    public string Topologies => $"{Root}/topologies";

    public string Assignments => $"{Root}/assignments";

    public string Packages => $"{Root}/packages";

    public string Supervisor(string id) => $"{Supervisors}/{id}";

    public string Topology(string id) => $"{Topologies}/{id}";

    public string Assignment(string id) => $"{Assignments}/{id}";

    public string PackageHolders(string topologyId) => $"{Packages}/{topologyId}";

    public string PackageHolder(string topologyId, string nimbusId) => $"{Packages}/{topologyId}/{nimbusId}";

    public IEnumerable<string> Parents => [Supervisors, Topologies, Assignments, Packages];
}
