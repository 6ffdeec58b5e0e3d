namespace Squall.Cluster.Packaging;

/// <summary><c>squall-package.json</c> at the root of a package: which assembly to load and which source to build.</summary>
internal sealed record PackageManifest(string MainAssembly, string SourceType)
{
    public const string FileName = "squall-package.json";
}
