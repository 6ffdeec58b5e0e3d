using System.Runtime.Loader;
using Squall.Cluster.Packaging;
using Squall.Runtime;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// Checks a submitted package before anything is stored: it unpacks, its manifest names a loadable
/// <see cref="ITopologySource"/>, and that source builds a valid topology with the submitted config. The
/// user's code runs in a collectible load context that is unloaded afterwards.
/// </summary>
internal static class PackageValidator
{
    public static string Validate(byte[] zip, Config conf)
    {
        var root = Directory.CreateTempSubdirectory("squall-validate-").FullName;
        try
        {
            var zipPath = Path.Combine(root, "package.zip");
            File.WriteAllBytes(zipPath, zip);
            var dir = Path.Combine(root, "package");
            PackageManifest manifest;
            try
            {
                manifest = PackageArchive.Extract(zipPath, dir);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException)
            {
                throw new ApiException(400, "corrupt package", $"The package could not be read: {e.Message}");
            }

            return BuildOnce(dir, manifest, conf);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string BuildOnce(string dir, PackageManifest manifest, Config conf)
    {
        ITopologySource source;
        try
        {
            source = TopologyLoader.LoadPackage(dir, manifest, isCollectible: true);
        }
        catch (Exception e) when (e is not ApiException)
        {
            throw new ApiException(400, "invalid package", $"The topology could not be loaded: {e.GetBaseException().Message}");
        }

        try
        {
            var topology = source.Build(new Config(conf));
            TopologyConfigValidator.Validate(conf, topology);
            if (!topology.SpoutIds.Any())
            {
                throw new InvalidTopologyException("The topology has no spout.");
            }

            return source.GetType().FullName!;
        }
        catch (Exception e) when (e is not ApiException)
        {
            throw new ApiException(400, "invalid topology", $"The topology failed validation: {e.GetBaseException().Message}");
        }
        finally
        {
            (AssemblyLoadContext.GetLoadContext(source.GetType().Assembly) as TopologyLoadContext)?.Unload();
        }
    }
}
