namespace Squall.Cluster.State;

/// <summary>
/// <c>/topologies/{id}</c>: what was submitted and what the user asked for since. Nimbus derives the
/// assignment from it; a kill or rebalance with a wait records when it is due, so any leader can finish it.
/// </summary>
internal sealed record TopologyRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string PackageHash { get; init; }

    public required long PackageSize { get; init; }

    /// <summary>The <see cref="ITopologySource"/> type the package was validated with.</summary>
    public required string SourceType { get; init; }

    /// <summary>The topology's configuration as submitted, plus rebalance changes (strings, as from <c>-c</c>).</summary>
    public required Dictionary<string, string> Conf { get; init; }

    public required TopologyStatus Status { get; init; }

    /// <summary>The per-topology secret its workers present in their handshake (base64).</summary>
    public required string Secret { get; init; }

    /// <summary>
    /// The ZooKeeper digest credential (<c>user:password</c>) of this topology's workers: it reads the topology's
    /// assignment and nothing else (<c>storm.zookeeper.topology.auth.payload</c>, or generated at submit).
    /// </summary>
    public string? WorkerZooKeeperAuth { get; init; }

    /// <summary>The status to return to after a rebalance.</summary>
    public TopologyStatus ResumeStatus { get; init; } = TopologyStatus.Active;

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When a pending kill or rebalance takes effect.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The worker count a pending rebalance moves to.</summary>
    public int? RebalanceWorkers { get; init; }

    /// <summary>Executor counts a pending rebalance applies (component → executors).</summary>
    public Dictionary<string, int>? RebalanceExecutors { get; init; }

    /// <summary>Storm's debug options (<c>component_debug</c>): which components are sampled to the event log, at what rate.</summary>
    public Runtime.EventLogging.DebugOptions? Debug { get; init; }

    public int RequestedWorkers => Conf.TryGetValue(Config.TopologyWorkers, out var w) && int.TryParse(w, out var n) && n > 0 ? n : 1;
}
