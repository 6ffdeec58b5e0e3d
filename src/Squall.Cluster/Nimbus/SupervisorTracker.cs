using Squall.Cluster.State;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// The leader's memory of supervisor heartbeats (HTTP, not ZooKeeper). A supervisor is live while it has
/// heartbeated within <c>nimbus.supervisor.timeout.secs</c>; one that ZooKeeper lists but that has not yet
/// spoken to this leader is given a timeout from when this Nimbus took the lead, so a failover reassigns nothing.
/// </summary>
internal sealed class SupervisorTracker(TimeProvider time, TimeSpan timeout)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset At, SupervisorHeartbeat Beat)> _beats = new(StringComparer.Ordinal);
    private DateTimeOffset _leaderSince = time.GetUtcNow();

    public void BecameLeader()
    {
        lock (_lock)
        {
            _leaderSince = time.GetUtcNow();
            _beats.Clear();
        }
    }

    public void Record(SupervisorHeartbeat beat)
    {
        lock (_lock)
        {
            _beats[beat.SupervisorId] = (time.GetUtcNow(), beat);
        }
    }

    /// <summary>The live supervisors: those registered in ZooKeeper or heard from, and not silent too long.</summary>
    public List<SupervisorInfo> Live(IReadOnlyList<SupervisorInfo> registered)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var live = new Dictionary<string, SupervisorInfo>(StringComparer.Ordinal);
            foreach (var info in registered)
            {
                var last = _beats.TryGetValue(info.Id, out var b) ? b.At : _leaderSince;
                if (now - last <= timeout)
                {
                    live[info.Id] = info;
                }
            }

            // A supervisor whose ZooKeeper session lapsed but that still heartbeats keeps its workers.
            foreach (var (id, (at, beat)) in _beats)
            {
                if (!live.ContainsKey(id) && now - at <= timeout)
                {
                    live[id] = new SupervisorInfo(id, beat.Host, beat.Ports, at);
                }
            }

            return [.. live.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>The latest report of each worker of <paramref name="topologyId"/>, by port and supervisor.</summary>
    /// <summary>The components of a topology as its workers report them; null until one of them has reported.</summary>
    public List<string>? ComponentsOf(string topologyId) =>
        WorkersOf(topologyId).Select(w => w.Worker.Report).FirstOrDefault(r => r is not null) is { } report
            ? [.. report.Components.Select(c => c.Id)]
            : null;

    public List<(string SupervisorId, WorkerHeartbeat Worker)> WorkersOf(string topologyId)
    {
        lock (_lock)
        {
            return [.. _beats.Values.SelectMany(b => b.Beat.Workers.Where(w => w.TopologyId == topologyId).Select(w => (b.Beat.SupervisorId, w)))];
        }
    }
}
