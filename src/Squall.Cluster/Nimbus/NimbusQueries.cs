using Squall.Cluster.Api;
using Squall.Cluster.State;

namespace Squall.Cluster.Nimbus;

/// <summary>The API's reads. Any Nimbus answers them from ZooKeeper; stats come from the leader's heartbeats.</summary>
internal sealed class NimbusQueries(ClusterStateStore store, SupervisorTracker tracker, TimeProvider time)
{
    public async Task<TopologyList> ListAsync(CancellationToken cancel)
    {
        var assignments = await store.ReadAssignmentsAsync(cancel: cancel);
        var now = time.GetUtcNow();
        return new TopologyList([
            .. (await store.ReadTopologiesAsync(cancel))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => new TopologySummary(
                    t.Id,
                    t.Name,
                    StatusName(t.Status),
                    (long)(now - t.SubmittedAt).TotalSeconds,
                    assignments.GetValueOrDefault(t.Id)?.Slots.Count ?? 0,
                    assignments.GetValueOrDefault(t.Id)?.Epoch ?? 0)),
        ]);
    }

    public async Task<TopologyInfo> InfoAsync(TopologyRecord topology, CancellationToken cancel)
    {
        var assignment = await store.ReadAssignmentAsync(topology.Id, cancel: cancel);
        // Reports of the current workers: each at its own slot's epoch (a replaced worker's last report does not count).
        var reports = tracker.WorkersOf(topology.Id)
            .Where(r => assignment is not null && assignment.IndexOf(r.SupervisorId, r.Worker.Port) is var i && i >= 0 && r.Worker.Epoch == assignment.EpochOf(i))
            .ToList();
        var logPorts = (await store.ReadSupervisorsAsync(cancel: cancel)).ToDictionary(s => s.Id, s => s.LogPort, StringComparer.Ordinal);
        var workers = (assignment?.Slots ?? []).Select((s, i) => new WorkerInfo(
            i, s.SupervisorId, s.Host, s.Port, reports.Any(r => r.SupervisorId == s.SupervisorId && r.Worker.Port == s.Port))
        {
            LogPort = logPorts.GetValueOrDefault(s.SupervisorId),
        }).ToList();
        return new TopologyInfo(
            topology.Id,
            topology.Name,
            StatusName(topology.Status),
            (long)(time.GetUtcNow() - topology.SubmittedAt).TotalSeconds,
            assignment?.Epoch ?? 0,
            workers,
            ComponentStatsDto.Sum(reports.SelectMany(r => r.Worker.Stats)),
            [.. reports.SelectMany(r => r.Worker.Errors).Take(50)],
            Redacted(topology.Conf))
        {
            Reports =
            [
                .. reports.Where(r => r.Worker.Report is not null).Select(r => new WorkerReportEntry(
                    r.SupervisorId,
                    assignment?.Slots.FirstOrDefault(s => s.SupervisorId == r.SupervisorId && s.Port == r.Worker.Port)?.Host ?? "",
                    r.Worker.Port,
                    r.Worker.Report!)
                {
                    LogPort = logPorts.GetValueOrDefault(r.SupervisorId),
                }),
            ],
        };
    }

    /// <summary>The conf as the (unauthenticated) read API shows it: secrets a topology carries, such as drpc.invocations.token, are masked.</summary>
    private static Dictionary<string, string> Redacted(Dictionary<string, string> conf) => conf.ToDictionary(
        p => p.Key,
        p => p.Key.EndsWith(".token", StringComparison.Ordinal) || p.Key.EndsWith(".password", StringComparison.Ordinal) || p.Key.EndsWith(".secret", StringComparison.Ordinal) ? "***" : p.Value,
        StringComparer.Ordinal);

    public async Task<SupervisorList> SupervisorsAsync(CancellationToken cancel)
    {
        var registered = await store.ReadSupervisorsAsync(cancel: cancel);
        var live = tracker.Live(registered).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var used = (await store.ReadAssignmentsAsync(cancel: cancel)).Values.SelectMany(a => a.Slots).ToList();
        return new SupervisorList([
            .. registered.OrderBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => new SupervisorSummary(s.Id, s.Host, s.Ports.Count, used.Count(u => u.SupervisorId == s.Id), live.Contains(s.Id))
                {
                    UptimeSeconds = (long)(time.GetUtcNow() - s.StartedAt).TotalSeconds,
                }),
        ]);
    }

    /// <summary>Every Nimbus candidate, in election order: the first leads (Storm's <c>/api/v1/nimbus/summary</c>).</summary>
    public async Task<NimbusList> NimbusesAsync(CancellationToken cancel)
    {
        var children = (await store.Client.GetChildrenAsync(store.Paths.Election, cancellationToken: cancel)).Children
            .OrderBy(c => c[^10..], StringComparer.Ordinal)
            .ToList();
        var result = new List<NimbusEntry>();
        foreach (var child in children)
        {
            try
            {
                var info = ClusterJson.Deserialize<NimbusInfo>((await store.Client.GetDataAsync($"{store.Paths.Election}/{child}", cancellationToken: cancel)).Data);
                result.Add(new NimbusEntry(info.Host, info.Port, result.Count == 0 ? "Leader" : "Not a Leader"));
            }
            catch (ZooKeeper.NoNodeException)
            {
                // That candidate just left.
            }
        }

        return new NimbusList(result);
    }

    public static string StatusName(TopologyStatus status) => status switch
    {
        TopologyStatus.Active => "ACTIVE",
        TopologyStatus.Inactive => "INACTIVE",
        TopologyStatus.Killed => "KILLED",
        _ => "REBALANCING",
    };
}
