using Squall.Cluster.Configuration;

namespace Squall.Cluster.Packaging;

/// <summary>
/// How big a package may be: as uploaded (<c>nimbus.max.package.bytes</c>, enforced while the body is read)
/// and once unpacked (<c>nimbus.max.package.unpacked.bytes</c>, <c>nimbus.max.package.entries</c>, enforced
/// while unpacking, so a zip bomb stops at the limit instead of filling the disk). Supervisors apply the same
/// limits to what they unpack.
/// </summary>
internal sealed record PackageLimits
{
    public long MaxPackageBytes { get; init; } = 256L * 1024 * 1024;

    public long MaxUnpackedBytes { get; init; } = 1024L * 1024 * 1024;

    public int MaxEntries { get; init; } = 10_000;

    public static PackageLimits FromConfig(Config conf)
    {
        var defaults = new PackageLimits();
        return new PackageLimits
        {
            MaxPackageBytes = conf.GetLong(Configuration.ClusterKeys.NimbusMaxPackageBytes, defaults.MaxPackageBytes),
            MaxUnpackedBytes = conf.GetLong(Configuration.ClusterKeys.NimbusMaxPackageUnpackedBytes, defaults.MaxUnpackedBytes),
            MaxEntries = conf.GetCount(Configuration.ClusterKeys.NimbusMaxPackageEntries, defaults.MaxEntries),
        };
    }

    public IEnumerable<string> Validate()
    {
        if (MaxPackageBytes <= 0 || MaxUnpackedBytes <= 0 || MaxEntries <= 0)
        {
            yield return $"{Configuration.ClusterKeys.NimbusMaxPackageBytes}, {Configuration.ClusterKeys.NimbusMaxPackageUnpackedBytes} and {Configuration.ClusterKeys.NimbusMaxPackageEntries} must be positive.";
        }
    }
}
