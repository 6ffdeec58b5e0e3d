using Squall.Cluster.Configuration;

namespace Squall.Cluster.DevCluster;

/// <summary>The shape of a development cluster on this machine.</summary>
internal sealed record DevClusterOptions
{
    public int Supervisors { get; init; } = 2;

    public int SlotsPerSupervisor { get; init; } = 2;

    /// <summary>The first worker port; supervisor i gets the next <see cref="SlotsPerSupervisor"/> ports after i's predecessors.</summary>
    public int FirstSlotPort { get; init; } = 6700;

    /// <summary>The base configuration (squall.yaml and <c>-c</c>); its ZooKeeper port is where the dev ZooKeeper listens.</summary>
    public required Config Conf { get; init; }

    /// <summary>
    /// Each supervisor's slot ports: <c>supervisor.slots.ports</c> when the configuration sets it (dealt out in
    /// order, as evenly as possible), else <see cref="SlotsPerSupervisor"/> consecutive ports from <see cref="FirstSlotPort"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> SlotPorts()
    {
        var configured = Conf.GetIntList(Configuration.ClusterKeys.SupervisorSlotsPorts, []);
        if (configured.Count == 0)
        {
            return [.. Enumerable.Range(0, Supervisors).Select(i => (IReadOnlyList<int>)[.. Enumerable.Range(FirstSlotPort + (i * SlotsPerSupervisor), SlotsPerSupervisor)])];
        }

        var size = (configured.Count + Supervisors - 1) / Math.Max(1, Supervisors);
        return [.. configured.Chunk(size).Select(c => (IReadOnlyList<int>)c)];
    }

    /// <summary>What is wrong with this shape, naming the option or key to fix.</summary>
    public IEnumerable<string> Validate()
    {
        if (Supervisors < 1 || SlotsPerSupervisor < 1)
        {
            yield return "--supervisors and --slots must be at least 1.";
            yield break;
        }

        var ports = SlotPorts();
        if (ports.Count < Supervisors)
        {
            yield return $"{Configuration.ClusterKeys.SupervisorSlotsPorts} lists {ports.Sum(p => p.Count)} ports, fewer than the {Supervisors} supervisors.";
        }

        if (ports.SelectMany(p => p).Any(p => p is <= 0 or > 65535))
        {
            yield return $"{Configuration.ClusterKeys.SupervisorSlotsPorts} (or --slots from 6700) must stay within 1-65535.";
        }
    }
}
