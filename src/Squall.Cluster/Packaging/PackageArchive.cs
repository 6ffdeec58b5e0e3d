using System.IO.Compression;
using System.Security.Cryptography;
using Squall.Cluster.State;

namespace Squall.Cluster.Packaging;

/// <summary>Hashing and safe unpacking of package zips, shared by Nimbus (validation) and supervisors (workers).</summary>
internal static class PackageArchive
{
    public static string Hash(ReadOnlySpan<byte> zip) => Convert.ToHexStringLower(SHA256.HashData(zip));

    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Unpacks into <paramref name="destination"/> (which must not exist) through a temporary sibling, so a half-unpacked package is never seen.</summary>
    public static PackageManifest Extract(string zipPath, string destination)
    {
        var temp = destination + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var zip = ZipFile.OpenRead(zipPath))
            {
                var root = Path.GetFullPath(temp) + Path.DirectorySeparatorChar;
                foreach (var entry in zip.Entries)
                {
                    var target = Path.GetFullPath(Path.Combine(temp, entry.FullName));
                    if (!target.StartsWith(root, StringComparison.Ordinal))
                    {
                        throw new InvalidDataException($"The package entry '{entry.FullName}' points outside the package.");
                    }

                    if (entry.FullName.EndsWith('/'))
                    {
                        continue;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }
            }

            var manifest = ReadManifest(temp);
            Directory.Move(temp, destination);
            return manifest;
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            throw;
        }
    }

    public static PackageManifest ReadManifest(string dir)
    {
        var path = Path.Combine(dir, PackageManifest.FileName);
        return File.Exists(path)
            ? ClusterJson.Deserialize<PackageManifest>(File.ReadAllBytes(path))
            : throw new InvalidDataException($"The package has no {PackageManifest.FileName}: make packages with 'squall submit'.");
    }
}
