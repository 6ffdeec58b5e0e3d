using Squall.Cluster.Configuration;
using Squall.Cluster.Packaging;

namespace Squall.Cluster.Nimbus;

/// <summary>The two halves of a Nimbus round: the leader's reconciliation, and every Nimbus's package replication.</summary>
internal sealed partial class NimbusDaemon
{
    private readonly HashSet<string> _heldPackages = new(StringComparer.Ordinal);

    private async Task ReconcileAsync(CancellationToken cancel)
    {
        var topologies = await _store.ReadTopologiesAsync(cancel);
        var assignments = await _store.ReadAssignmentsAsync(cancel: cancel);
        var registered = await _store.ReadSupervisorsAsync(_wake.SetAsync, cancel);
        var snapshot = new ClusterSnapshot(topologies, assignments, _tracker.Live(registered), _options.Time.GetUtcNow());
        foreach (var change in Reconciler.Plan(snapshot))
        {
            switch (change)
            {
                case ClusterChange.PutTopology put:
                    _log.Info($"{put.Topology.Id}: rebalance applied ({put.Topology.RequestedWorkers} workers)");
                    await _store.PutTopologyAsync(put.Topology, cancel);
                    break;
                case ClusterChange.RemoveTopology remove:
                    _log.Info($"{remove.TopologyId}: killed; removing its assignment, package and state");
                    await _store.RemoveTopologyAsync(remove.TopologyId, cancel);
                    _packages.Delete(remove.TopologyId);
                    _heldPackages.Remove(remove.TopologyId);
                    break;
                case ClusterChange.PutAssignment assign:
                    var a = assign.Assignment;
                    _log.Info($"{a.TopologyId}: epoch {a.Epoch}, {(a.Active ? "active" : "inactive")}, workers {string.Join(", ", a.Slots.Select(s => $"{s.Host}:{s.Port}"))}");
                    await _store.PutAssignmentAsync(a, cancel);
                    break;
            }
        }
    }

    /// <summary>Fetches every package this Nimbus lacks from a Nimbus that holds it, and drops packages of removed topologies.</summary>
    private async Task ReplicateAsync(CancellationToken cancel)
    {
        var topologies = await _store.ReadTopologiesAsync(cancel);
        await _zk.GetChildrenAsync(_store.Paths.Topologies, _wake.SetAsync, cancel); // a new topology wakes the loop
        foreach (var topology in topologies)
        {
            if (_heldPackages.Contains(topology.Id))
            {
                continue;
            }

            if (!_packages.Has(topology.Id, topology.PackageHash) && !await DownloadAsync(topology.Id, topology.PackageHash, cancel))
            {
                continue;
            }

            await _store.AddPackageHolderAsync(topology.Id, _self.Id, cancel);
            _heldPackages.Add(topology.Id);
        }

        var live = topologies.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _packages.TopologyIds.Where(id => !live.Contains(id)).ToList())
        {
            // A submit writes the package just before its record: spare young files.
            if (File.GetLastWriteTimeUtc(_packages.PathOf(id)) < DateTime.UtcNow.AddMinutes(-1))
            {
                _packages.Delete(id);
                _heldPackages.Remove(id);
            }
        }
    }

    private async Task<bool> DownloadAsync(string topologyId, string hash, CancellationToken cancel)
    {
        foreach (var holder in await _store.ReadPackageHoldersAsync(topologyId, cancel))
        {
            if (holder == _self.Id)
            {
                continue;
            }

            if (!_options.Seeds.Contains(holder))
            {
                _log.Warn($"{topologyId}: package holder '{holder}' (from ZooKeeper) is not in nimbus.seeds; not asked");
                continue;
            }

            try
            {
                using var upload = _packages.BeginUpload();
                using (var response = await _http.GetAsync(new Uri($"{_options.Tls.Scheme}://{holder}/api/v1/topology/{topologyId}/package"), HttpCompletionOption.ResponseHeadersRead, cancel))
                {
                    response.EnsureSuccessStatusCode();
                    await using var body = await response.Content.ReadAsStreamAsync(cancel);
                    if (!await upload.CopyFromAsync(body, _options.PackageLimits.MaxPackageBytes, cancel) || upload.Hash != hash)
                    {
                        _log.Warn($"{topologyId}: package from {holder} is larger than {ClusterKeys.NimbusMaxPackageBytes} or has the wrong hash; ignored");
                        continue;
                    }
                }

                _packages.Adopt(topologyId, upload);
                _log.Info($"{topologyId}: package replicated from {holder}");
                return true;
            }
            catch (HttpRequestException e)
            {
                _log.Warn($"{topologyId}: could not fetch the package from {holder}: {e.Message}");
            }
        }

        return false;
    }
}
