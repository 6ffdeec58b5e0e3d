using System.Collections.Concurrent;
using Squall.Cluster.Packaging;
using Squall.Cluster.State;

namespace Squall.Cluster.Supervisor;

/// <summary>
/// A supervisor's unpacked packages, <c>{storm.local.dir}/supervisor/packages/{topology-id}-{hash}/</c>,
/// fetched from any Nimbus that holds them (so a supervisor needs no leader to start a worker) and checked
/// against the hash in the assignment. Fetches run in the background, one per package at a time.
/// </summary>
internal sealed class PackageCache(string supervisorDir, ClusterStateStore store, HttpClient http, PackageSources sources, PackageLimits limits, DaemonLog log, Action changed)
{
    private readonly string _dir = Path.Combine(supervisorDir, "packages");
    private readonly ConcurrentDictionary<string, Task> _fetches = new(StringComparer.Ordinal);

    public string DirOf(SlotAssignment assignment) => Path.Combine(_dir, $"{assignment.TopologyId}-{assignment.PackageHash[..16]}");

    public bool IsReady(SlotAssignment? assignment) => assignment is not null && Directory.Exists(DirOf(assignment));

    public void Fetch(SlotAssignment assignment)
    {
        var dir = DirOf(assignment);
        if (Directory.Exists(dir))
        {
            return;
        }

        _fetches.GetOrAdd(dir, key => Task.Run(async () =>
        {
            try
            {
                await DownloadAsync(assignment, dir);
            }
            catch (Exception e)
            {
                log.Warn($"{assignment.TopologyId}: package fetch failed (will retry): {e.Message}");
            }
            finally
            {
                _fetches.TryRemove(dir, out _);
                changed();
            }
        }));
    }

    /// <summary>Deletes unpacked packages no slot needs; <paramref name="inUse"/> are the directories to keep.</summary>
    public void Retain(IReadOnlySet<string> inUse)
    {
        if (!Directory.Exists(_dir))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(_dir))
        {
            if (!inUse.Contains(dir) && !_fetches.ContainsKey(dir))
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                    // Still open by an exiting worker; the next round tries again.
                }
            }
        }
    }

    private async Task DownloadAsync(SlotAssignment assignment, string dir)
    {
        Directory.CreateDirectory(_dir);
        var registered = await store.ReadPackageHoldersAsync(assignment.TopologyId);
        var holders = registered.Where(sources.Seeds.Contains).ToList();
        if (holders.Count == 0)
        {
            throw new InvalidOperationException(registered.Count == 0
                ? "no Nimbus holds the package yet"
                : $"the package holders in ZooKeeper ({string.Join(", ", registered)}) are not in nimbus.seeds; not asked");
        }

        foreach (var holder in holders.OrderBy(_ => Random.Shared.Next()))
        {
            var zipPath = Path.Combine(_dir, $"{assignment.TopologyId}.{Guid.NewGuid():N}.zip");
            try
            {
                var zip = await http.GetByteArrayAsync(new Uri($"{sources.Scheme}://{holder}/api/v1/topology/{assignment.TopologyId}/package"));
                if (PackageArchive.Hash(zip) != assignment.PackageHash)
                {
                    throw new InvalidDataException($"the package from {holder} does not match the assignment's hash");
                }

                await File.WriteAllBytesAsync(zipPath, zip);
                PackageArchive.Extract(zipPath, dir, limits);
                log.Info($"{assignment.TopologyId}: package fetched from {holder}");
                return;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidDataException or IOException)
            {
                log.Warn($"{assignment.TopologyId}: package from {holder} failed: {e.Message}");
            }
            finally
            {
                File.Delete(zipPath);
            }
        }

        throw new InvalidOperationException("no Nimbus could serve the package");
    }
}
