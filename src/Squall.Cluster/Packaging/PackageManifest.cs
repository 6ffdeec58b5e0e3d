namespace Squall.Cluster.Packaging;

/// <summary>
/// <c>squall-package.json</c> at the root of a package: which assembly to load and which source to build, or, for a
/// YAML topology, the resolved <see cref="Definition"/> file the engine's own Flux reader builds.
/// </summary>
internal sealed record PackageManifest(string MainAssembly, string SourceType, string? Definition = null)
{
    public const string FileName = "squall-package.json";

    /// <summary>The <see cref="SourceType"/> recorded for YAML topologies.</summary>
    public const string FluxSourceType = "flux";
}
