namespace Squall.Perf.Workloads;

/// <summary>
/// One named benchmark. Each call to <see cref="Run"/> is one complete, independent run (fresh state,
/// about <see cref="PerfOptions.Duration"/> long); the harness repeats it and reports the median.
/// </summary>
internal interface IWorkload
{
    /// <summary>The name given to --workload and printed as workload=NAME.</summary>
    string Name { get; }

    /// <summary>Peers are the baselines that Squall's own workloads are compared with.</summary>
    bool IsPeer { get; }

    WorkloadResult Run(WorkloadContext context);
}
