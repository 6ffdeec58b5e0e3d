using Squall.Perf.Workloads.Peers;
using Squall.Perf.Workloads.Squall;

namespace Squall.Perf.Workloads;

/// <summary>
/// The workloads --workload can name, in the order "all" runs them. Squall's own workloads
/// come first, then the peers they are compared with.
/// </summary>
internal sealed class WorkloadRegistry
{
    private readonly List<IWorkload> _workloads = [];

    public IReadOnlyList<IWorkload> All => _workloads;

    public static WorkloadRegistry CreateDefault()
    {
        var registry = new WorkloadRegistry();
        registry.Add(new WordCountWorkload(acked: true));
        registry.Add(new WordCountWorkload(acked: false));
        registry.Add(new WordCountWorkload(acked: true, workers: 2));
        registry.Add(new WordCountWorkload(acked: true, localSplit: LocalSplit.Fused));
        registry.Add(new WordCountWorkload(acked: true, localSplit: LocalSplit.Unfused));
        registry.Add(new CodecWorkload());
        registry.Add(new ConstNullWorkload(acked: false));
        registry.Add(new ConstIdNullWorkload(fused: true));
        registry.Add(new ConstIdNullWorkload(fused: false));
        registry.Add(new ConstNullWorkload(acked: true));
        registry.Add(new LatencyWorkload(local: false));
        registry.Add(new LatencyWorkload(local: true));
        registry.Add(new SlowSpoutWorkload());
        registry.Add(new ScalingWorkload());
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
