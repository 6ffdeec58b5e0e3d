namespace Squall.Cluster.State;

/// <summary>
/// <c>/assignments/{id}</c>: which slots run a topology. The runtime places executors deterministically from
/// (topology, config, worker count), so the ordered slot list is the whole placement. Every change of the
/// slot list or the config bumps <see cref="Epoch"/>, and each worker index has its own epoch
/// (<see cref="WorkerEpochs"/>): the one at which its slot last changed. A worker whose own epoch is no longer
/// current stops itself (fencing), so when a lost supervisor's slots move, only the workers that moved restart.
/// Activation toggles <see cref="Active"/> (and debug sets <see cref="Debug"/>) without a new epoch, so it restarts nothing.
/// </summary>
internal sealed record Assignment
{
    public required string TopologyId { get; init; }

    public required long Epoch { get; init; }

    public required string PackageHash { get; init; }

    public required string SourceType { get; init; }

    /// <summary>The per-topology secret workers present in their handshake (base64).</summary>
    public required string Secret { get; init; }

    /// <summary>The workers' ZooKeeper credential (see <see cref="TopologyRecord.WorkerZooKeeperAuth"/>); the node's ACL lets it read this node only.</summary>
    public string? WorkerZooKeeperAuth { get; init; }

    public required bool Active { get; init; }

    /// <summary>The topology's debug options; like <see cref="Active"/>, a change keeps the epoch and restarts nothing.</summary>
    public Runtime.EventLogging.DebugOptions? Debug { get; init; }

    /// <summary>Worker index → the epoch that worker runs (empty in assignments written before per-worker epochs: all run <see cref="Epoch"/>).</summary>
    public List<long> WorkerEpochs { get; init; } = [];

    /// <summary>Worker index → slot.</summary>
    public required List<WorkerSlot> Slots { get; init; }

    /// <summary>The effective topology configuration the workers build with.</summary>
    public required Dictionary<string, string> Conf { get; init; }

    public long EpochOf(int workerIndex) => workerIndex < WorkerEpochs.Count ? WorkerEpochs[workerIndex] : Epoch;

    public int IndexOf(string supervisorId, int port) => Slots.FindIndex(s => s.SupervisorId == supervisorId && s.Port == port);
}
