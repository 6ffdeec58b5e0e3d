using System.Buffers;
using System.Security.Cryptography;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// A package arriving at Nimbus (a submit, or a copy from another Nimbus), streamed into a temporary file in the
/// package store and hashed on the way. A package may be hundreds of megabytes: held in memory whole, it would
/// land on the large-object heap (twice, with a growing buffer and its copy) and keep Nimbus's working set at its
/// peak long after the request. Here only one pooled buffer is in memory at a time, whatever the size.
/// Disposing deletes the file unless the store adopted it (<see cref="PackageStore.Adopt"/>).
/// </summary>
internal sealed class PackageUpload : IDisposable
{
    private const int BufferSize = 81920; // below the large-object heap's threshold

    internal PackageUpload(string path) => Path = path;

    /// <summary>The temporary file: a whole zip once <see cref="CopyFromAsync"/> returned true.</summary>
    public string Path { get; }

    public long Size { get; private set; }

    /// <summary>The SHA-256 of the bytes copied, as <see cref="Packaging.PackageArchive.Hash"/> writes it.</summary>
    public string Hash { get; private set; } = string.Empty;

    /// <summary>Copies <paramref name="source"/> to the file; false, as soon as it passes <paramref name="limit"/> bytes.</summary>
    public async Task<bool> CopyFromAsync(Stream source, long limit, CancellationToken cancel)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var file = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true);
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancel)) > 0)
            {
                if (Size + read > limit)
                {
                    return false;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancel);
                Size += read;
            }

            Hash = Convert.ToHexStringLower(hash.GetHashAndReset());
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => File.Delete(Path); // nothing to delete once adopted (moved) or if never written
}
