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
}
