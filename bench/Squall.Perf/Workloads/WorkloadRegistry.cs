using Squall.Perf.Workloads.Peers;

namespace Squall.Perf.Workloads;

/// <summary>
/// The workloads --workload can name, in the order "all" runs them. Squall's own workloads
/// (wordcount, const-null, const-id-null, const-null-acked, latency) are added in <see cref="CreateDefault"/>.
/// </summary>
internal sealed class WorkloadRegistry
{
    private readonly List<IWorkload> _workloads = [];

    public IReadOnlyList<IWorkload> All => _workloads;

    public static WorkloadRegistry CreateDefault()
    {
        var registry = new WorkloadRegistry();
        // Squall workloads go here, before the peers, e.g. registry.Add(new WordCountWorkload());
        registry.Add(new PeerLoopWorkload());
        registry.Add(new PeerDataflowWorkload());
        registry.Add(new PeerChannelsWorkload());
        return registry;
    }

    public void Add(IWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (Find(workload.Name) is not null)
        {
            throw new ArgumentException($"workload '{workload.Name}' is registered twice", nameof(workload));
        }

        _workloads.Add(workload);
    }

    public IWorkload? Find(string name) =>
        _workloads.Find(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The workloads a --workload value selects: one by name, or all of them; empty if unknown.</summary>
    public IReadOnlyList<IWorkload> Select(string name) =>
        string.Equals(name, PerfOptions.AllWorkloads, StringComparison.OrdinalIgnoreCase)
            ? _workloads
            : Find(name) is { } one ? [one] : [];
}
