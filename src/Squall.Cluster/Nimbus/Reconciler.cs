using System.Globalization;
using Squall.Cluster.State;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// The leader's whole decision, as a pure function of a <see cref="ClusterSnapshot"/>: finish kills and
/// rebalances that are due, drop assignments whose topology is gone, then schedule. Nimbus applies the
/// result; because it reads everything back from ZooKeeper each round, a new leader carries on where a
/// dead one stopped.
/// </summary>
internal static class Reconciler
{
    public static IReadOnlyList<ClusterChange> Plan(ClusterSnapshot snapshot)
    {
        var changes = new List<ClusterChange>();
        var topologies = new List<TopologyRecord>();
        foreach (var topology in snapshot.Topologies)
        {
            if (topology.DueAt is { } due && due <= snapshot.Now)
            {
                if (topology.Status == TopologyStatus.Killed)
                {
                    changes.Add(new ClusterChange.RemoveTopology(topology.Id));
                    continue;
                }

                if (topology.Status == TopologyStatus.Rebalancing)
                {
                    var rebalanced = ApplyRebalance(topology);
                    changes.Add(new ClusterChange.PutTopology(rebalanced));
                    topologies.Add(rebalanced);
                    continue;
                }
            }

            topologies.Add(topology);
        }

        var known = snapshot.Topologies.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(snapshot.Assignments.Keys.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).Select(id => new ClusterChange.RemoveTopology(id)));

        var scheduled = Scheduler.Schedule(snapshot with { Topologies = topologies });
        changes.AddRange(scheduled.Select(a => new ClusterChange.PutAssignment(a)));
        return changes;
    }

    public static TopologyRecord ApplyRebalance(TopologyRecord topology)
    {
        var conf = new Dictionary<string, string>(topology.Conf, StringComparer.Ordinal);
        if (topology.RebalanceWorkers is { } workers)
        {
            conf[Config.TopologyWorkers] = workers.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (component, executors) in topology.RebalanceExecutors ?? [])
        {
            conf[Config.ComponentExecutorsKey(component)] = executors.ToString(CultureInfo.InvariantCulture);
        }

        return topology with
        {
            Conf = conf,
            Status = topology.ResumeStatus,
            DueAt = null,
            RebalanceWorkers = null,
            RebalanceExecutors = null,
        };
    }
}
