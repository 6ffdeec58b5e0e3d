namespace Squall.Cluster.Configuration;

/// <summary>
/// The Nimbus addresses a daemon may send a credential to: those of <c>nimbus.seeds</c> (with
/// <c>nimbus.http.port</c> where a seed names no port). Addresses read from ZooKeeper (the leader, package
/// holders) are checked against it first, so whoever can write ZooKeeper cannot collect tokens by
/// registering an address of their own.
/// </summary>
internal sealed class KnownNimbuses(IEnumerable<string> seeds)
{
    private readonly List<string> _addresses = [.. seeds.Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The seeds as <c>host:port</c>, in the order configured.</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    public static KnownNimbuses FromConfig(Config conf)
    {
        var port = conf.GetPort(ClusterKeys.NimbusHttpPort, ClusterDefaults.NimbusHttpPort);
        return new KnownNimbuses(conf.GetList(ClusterKeys.NimbusSeeds, [ClusterDefaults.NimbusSeed])
            .Select(s => s.Contains(':', StringComparison.Ordinal) ? s : $"{s}:{port}"));
    }

    /// <summary>True when <paramref name="hostPort"/> (as <c>host:port</c>) is one of the seeds.</summary>
    public bool Contains(string hostPort) => _addresses.Contains(hostPort, StringComparer.OrdinalIgnoreCase);
}
