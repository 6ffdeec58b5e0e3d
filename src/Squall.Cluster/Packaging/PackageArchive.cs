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

    /// <summary>
    /// Unpacks into <paramref name="destination"/> (which must not exist) through a temporary sibling, so a
    /// half-unpacked package is never seen. Entries outside the package, more entries than the limit, or more
    /// bytes than the limit (counted as they are written, not as the zip claims) stop it with
    /// <see cref="InvalidDataException"/>.
    /// </summary>
    public static PackageManifest Extract(string zipPath, string destination, PackageLimits limits)
    {
        var temp = destination + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var zip = ZipFile.OpenRead(zipPath))
            {
                if (zip.Entries.Count > limits.MaxEntries)
                {
                    throw new InvalidDataException($"The package has {zip.Entries.Count} entries; the limit is {limits.MaxEntries} (nimbus.max.package.entries).");
                }

                var root = Path.GetFullPath(temp) + Path.DirectorySeparatorChar;
                var budget = limits.MaxUnpackedBytes;
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
                    budget -= CopyLimited(entry, target, budget, limits.MaxUnpackedBytes);
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

    /// <summary>Copies one entry, stopping as soon as the written bytes pass what is left of the budget; returns the bytes written.</summary>
    private static long CopyLimited(ZipArchiveEntry entry, string target, long budget, long limit)
    {
        var tooBig = new InvalidDataException($"The package unpacks to more than {limit} bytes (nimbus.max.package.unpacked.bytes).");
        if (entry.Length > budget)
        {
            throw tooBig;
        }

        using var input = entry.Open();
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            written += read;
            if (written > budget)
            {
                throw tooBig;
            }

            output.Write(buffer, 0, read);
        }

        return written;
    }
}
