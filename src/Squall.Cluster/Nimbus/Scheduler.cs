using Squall.Cluster.State;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// Storm's even scheduler, as a pure function: each topology gets <c>topology.workers</c> slots, spread over
/// the supervisors with the most free slots, keeping every slot it already has on a live supervisor so a
/// reassignment moves only what was lost. A lost slot is replaced at the same worker index, so the workers
/// that stay keep their index (their executors) and their own epoch (<see cref="Assignment.WorkerEpochs"/>):
/// only the replaced workers start. An assignment's epoch changes only when its slots or its config
/// change; toggling <see cref="Assignment.Active"/> keeps the epoch, so it restarts no worker.
/// </summary>
internal static class Scheduler
{
    public static IReadOnlyList<Assignment> Schedule(ClusterSnapshot snapshot)
    {
        var live = snapshot.LiveSupervisors.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var free = snapshot.LiveSupervisors.ToDictionary(s => s.Id, s => new SortedSet<int>(s.Ports), StringComparer.Ordinal);
        var ordered = snapshot.Topologies.OrderBy(t => t.SubmittedAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();

        // Slots that live assignments keep are taken first, whatever the topology's turn; a lost one leaves a hole (null) at its index.
        var kept = new Dictionary<string, List<WorkerSlot?>>(StringComparer.Ordinal);
        foreach (var topology in ordered)
        {
            var existing = snapshot.Assignments.GetValueOrDefault(topology.Id);
            kept[topology.Id] = existing?.Slots
                .Take(topology.RequestedWorkers)
                .Select(s => live.ContainsKey(s.SupervisorId) && free[s.SupervisorId].Remove(s.Port) ? s : null)
                .ToList() ?? [];
        }

        var result = new List<Assignment>();
        foreach (var topology in ordered)
        {
            snapshot.Assignments.TryGetValue(topology.Id, out var existing);
            if (topology.Status == TopologyStatus.Killed)
            {
                // A kill with a wait first deactivates; the reconciler removes everything when it is due.
                if (existing is { Active: true })
                {
                    result.Add(existing with { Active = false });
                }

                continue;
            }

            var slots = Fill(kept[topology.Id], topology.RequestedWorkers, free, live);

            if (slots.Count == 0)
            {
                continue; // no free slot anywhere: stays unassigned until one frees up
            }

            var active = topology.Status == TopologyStatus.Active;
            var changed = existing is null || !existing.Slots.SequenceEqual(slots) || !SameConf(existing.Conf, topology.Conf) || existing.PackageHash != topology.PackageHash;
            if (changed)
            {
                var epoch = (existing?.Epoch ?? 0) + 1;
                result.Add(new Assignment
                {
                    TopologyId = topology.Id,
                    Epoch = epoch,
                    WorkerEpochs = WorkerEpochs(existing, topology, slots, epoch),
                    PackageHash = topology.PackageHash,
                    SourceType = topology.SourceType,
                    Secret = topology.Secret,
                    WorkerZooKeeperAuth = topology.WorkerZooKeeperAuth,
                    Active = active,
                    Debug = topology.Debug,
                    Slots = slots,
                    Conf = new Dictionary<string, string>(topology.Conf, StringComparer.Ordinal),
                });
            }
            else if (existing!.Active != active || !Equals(existing.Debug, topology.Debug))
            {
                result.Add(existing with { Active = active, Debug = topology.Debug });
            }
        }

        return result;
    }

    /// <summary>Fills the holes in place, then adds slots up to <paramref name="wanted"/>; holes that no free slot can fill close up.</summary>
    private static List<WorkerSlot> Fill(List<WorkerSlot?> kept, int wanted, Dictionary<string, SortedSet<int>> free, Dictionary<string, SupervisorInfo> live)
    {
        var slots = kept.ToList();
        for (var i = 0; i < slots.Count; i++)
        {
            slots[i] ??= TakeFreeSlot(free, live, slots);
        }

        while (slots.Count < wanted && TakeFreeSlot(free, live, slots) is { } slot)
        {
            slots.Add(slot);
        }

        return [.. slots.OfType<WorkerSlot>()];
    }

    /// <summary>
    /// A worker keeps its epoch while its slot, the worker count, the config and the package stay as they were; any other
    /// change gives it the new <paramref name="epoch"/> (the count, config and package place or build every executor).
    /// </summary>
    private static List<long> WorkerEpochs(Assignment? existing, TopologyRecord topology, List<WorkerSlot> slots, long epoch)
    {
        var placementKept = existing is not null && existing.Slots.Count == slots.Count && SameConf(existing.Conf, topology.Conf) && existing.PackageHash == topology.PackageHash;
        return [.. slots.Select((slot, i) => placementKept && existing!.Slots[i] == slot ? existing.EpochOf(i) : epoch)];
    }

    private static WorkerSlot? TakeFreeSlot(Dictionary<string, SortedSet<int>> free, Dictionary<string, SupervisorInfo> live, List<WorkerSlot?> mine)
    {
        // Fewest of this topology's workers first, then most free slots, then id: spreads a topology over nodes.
        var best = free.Where(f => f.Value.Count > 0)
            .OrderBy(f => mine.Count(s => s?.SupervisorId == f.Key))
            .ThenByDescending(f => f.Value.Count)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var port = free[best].Min;
        free[best].Remove(port);
        return new WorkerSlot(best, live[best].Host, port);
    }

    internal static bool SameConf(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}
