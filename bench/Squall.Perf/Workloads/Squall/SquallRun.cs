using System.Diagnostics;
using Squall.Runtime;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// What the Squall workloads share: a local cluster with one topology, and the steady-state rate of a
/// component, read from <see cref="LocalCluster.GetStats"/> over a window that starts after a warm-up
/// (JIT tiering, inbox and pool growth), as storm-perf reports its per-interval rates.
/// </summary>
internal static class SquallRun
{
    public const string TopologyName = "bench";

    /// <summary>How long a run warms up before its measurement window: a tenth of the duration, at most 2 s.</summary>
    public static TimeSpan WarmUp(TimeSpan duration) => TimeSpan.FromTicks(Math.Min(duration.Ticks / 10, TimeSpan.FromSeconds(2).Ticks));

    /// <summary>Tuples executed by <paramref name="componentId"/> (all its tasks) per second over <paramref name="window"/>.</summary>
    public static double ExecutedPerSecond(LocalCluster cluster, string componentId, TimeSpan window)
    {
        var before = Executed(cluster, componentId);
        var clock = Stopwatch.StartNew();
        Thread.Sleep(window);
        var after = Executed(cluster, componentId);
        return (after - before) / clock.Elapsed.TotalSeconds;
    }

    public static long Executed(LocalCluster cluster, string componentId)
    {
        foreach (var stats in cluster.GetStats(TopologyName))
        {
            if (stats.ComponentId == componentId)
            {
                return stats.Executed;
            }
        }

        throw new InvalidOperationException($"no component '{componentId}' in the topology");
    }

    /// <summary>Fails the run loudly if a component reported an error: a rate from a broken topology means nothing.</summary>
    public static void ThrowOnErrors(LocalCluster cluster)
    {
        var errors = cluster.GetErrors(TopologyName);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"topology reported {errors.Count} error(s); first: {errors[0]}");
        }
    }
}
