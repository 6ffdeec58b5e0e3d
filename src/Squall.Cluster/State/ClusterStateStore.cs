using Squall.ZooKeeper;
using Squall.ZooKeeper.Recipes;

namespace Squall.Cluster.State;

/// <summary>Typed reads and writes of the cluster's ZooKeeper nodes (<see cref="ClusterPaths"/>).</summary>
internal sealed class ClusterStateStore(ZooKeeperClient client, ClusterPaths paths, IReadOnlyList<ZooKeeperAcl>? acl = null)
{
    /// <summary>The ACL of the nodes the daemons create (the client's default).</summary>
    private readonly IReadOnlyList<ZooKeeperAcl> _acl = acl ?? ZooKeeperAcl.Open;

    public ZooKeeperClient Client { get; } = client;

    public ClusterPaths Paths { get; } = paths;

    public async Task EnsureLayoutAsync(CancellationToken cancel = default)
    {
        foreach (var path in Paths.Parents)
        {
            await Client.EnsurePathAsync(path, cancel);
        }
    }

    public async Task<List<TopologyRecord>> ReadTopologiesAsync(CancellationToken cancel = default) =>
        [.. (await ReadAllAsync<TopologyRecord>(Paths.Topologies, Paths.Topology, null, cancel)).Values];

    public async Task<TopologyRecord?> ReadTopologyAsync(string id, CancellationToken cancel = default) =>
        await ReadAsync<TopologyRecord>(Paths.Topology(id), null, cancel);

    /// <summary>Reads every assignment; <paramref name="watcher"/>, if given, fires on any change to the set or to one of them.</summary>
    public Task<Dictionary<string, Assignment>> ReadAssignmentsAsync(Func<WatchedEvent, Task>? watcher = null, CancellationToken cancel = default) =>
        ReadAllAsync<Assignment>(Paths.Assignments, Paths.Assignment, watcher, cancel);

    public async Task<Assignment?> ReadAssignmentAsync(string id, Func<WatchedEvent, Task>? watcher = null, CancellationToken cancel = default) =>
        await ReadAsync<Assignment>(Paths.Assignment(id), watcher, cancel);

    public async Task<List<SupervisorInfo>> ReadSupervisorsAsync(Func<WatchedEvent, Task>? watcher = null, CancellationToken cancel = default) =>
        [.. (await ReadAllAsync<SupervisorInfo>(Paths.Supervisors, Paths.Supervisor, watcher, cancel)).Values];

    public Task PutTopologyAsync(TopologyRecord topology, CancellationToken cancel = default) =>
        PutAsync(Paths.Topology(topology.Id), ClusterJson.Serialize(topology), cancel);

    /// <summary>Writes an assignment; a new one is created readable by the topology's own workers too (their credential, read only).</summary>
    public Task PutAssignmentAsync(Assignment assignment, CancellationToken cancel = default) =>
        PutAsync(
            Paths.Assignment(assignment.TopologyId),
            ClusterJson.Serialize(assignment),
            cancel,
            assignment.WorkerZooKeeperAuth is { } worker ? [.. _acl, ZooKeeperAcl.Digest(worker, ZooKeeperPermissions.Read)] : null);

    /// <summary>Removes a topology's assignment first (so workers stop), then its package holders and record.</summary>
    public async Task RemoveTopologyAsync(string id, CancellationToken cancel = default)
    {
        await DeleteIfExistsAsync(Paths.Assignment(id), cancel);
        if (await Client.ExistsAsync(Paths.PackageHolders(id), cancellationToken: cancel) is not null)
        {
            foreach (var holder in (await Client.GetChildrenAsync(Paths.PackageHolders(id), cancellationToken: cancel)).Children)
            {
                await DeleteIfExistsAsync(Paths.PackageHolder(id, holder), cancel);
            }

            await DeleteIfExistsAsync(Paths.PackageHolders(id), cancel);
        }

        await DeleteIfExistsAsync(Paths.Topology(id), cancel);
    }

    public async Task<List<string>> ReadPackageHoldersAsync(string topologyId, CancellationToken cancel = default)
    {
        try
        {
            return [.. (await Client.GetChildrenAsync(Paths.PackageHolders(topologyId), cancellationToken: cancel)).Children];
        }
        catch (NoNodeException)
        {
            return [];
        }
    }

    /// <summary>Registers this Nimbus as holding a package (ephemeral: it disappears with the Nimbus).</summary>
    public async Task AddPackageHolderAsync(string topologyId, string nimbusId, CancellationToken cancel = default)
    {
        try
        {
            await Client.CreateWithParentsAsync(Paths.PackageHolder(topologyId, nimbusId), ReadOnlyMemory<byte>.Empty, CreateMode.Ephemeral, cancel);
        }
        catch (NodeExistsException)
        {
            // Already registered in this session.
        }
    }

    public async Task DeleteIfExistsAsync(string path, CancellationToken cancel = default)
    {
        try
        {
            await Client.DeleteAsync(path, cancellationToken: cancel);
        }
        catch (NoNodeException)
        {
            // Already gone: deleting is idempotent here.
        }
    }

    private async Task PutAsync(string path, byte[] data, CancellationToken cancel, IReadOnlyList<ZooKeeperAcl>? acl = null)
    {
        try
        {
            await Client.SetDataAsync(path, data, cancellationToken: cancel);
        }
        catch (NoNodeException)
        {
            await Client.CreateWithParentsAsync(path, data, CreateMode.Persistent, acl, cancel);
        }
    }

    private async Task<T?> ReadAsync<T>(string path, Func<WatchedEvent, Task>? watcher, CancellationToken cancel)
        where T : class
    {
        try
        {
            return ClusterJson.Deserialize<T>((await Client.GetDataAsync(path, watcher, cancel)).Data);
        }
        catch (NoNodeException)
        {
            if (watcher is not null)
            {
                await Client.ExistsAsync(path, watcher, cancel); // so its creation wakes the caller too
            }

            return null;
        }
    }

    private async Task<Dictionary<string, T>> ReadAllAsync<T>(string parent, Func<string, string> pathOf, Func<WatchedEvent, Task>? watcher, CancellationToken cancel)
        where T : class
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var child in (await Client.GetChildrenAsync(parent, watcher, cancel)).Children)
        {
            try
            {
                result[child] = ClusterJson.Deserialize<T>((await Client.GetDataAsync(pathOf(child), watcher, cancel)).Data);
            }
            catch (NoNodeException)
            {
                // Deleted between listing and reading.
            }
        }

        return result;
    }
}
