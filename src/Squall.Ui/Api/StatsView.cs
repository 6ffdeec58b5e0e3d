using Squall.Runtime.Metrics;
using Squall.Ui.Sources;

namespace Squall.Ui.Api;

/// <summary>
/// Aggregates the workers' task stats into what Storm's UI shows: per component, per executor, per stream,
/// per topology, for one window. Streams and components whose names start with <c>__</c> (Storm's system
/// ones, such as the ackers) are left out unless <c>sys</c> is asked for, as in Storm.
/// </summary>
internal static class StatsView
{
    /// <summary>Storm computes capacity over the last 10 minutes, whatever window is shown.</summary>
    public const string CapacityWindow = "600";

    public static bool IsSystem(string id) => id.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Every task of <paramref name="component"/> (all components if null), with the report it came from.</summary>
    public static IEnumerable<(UiReport Worker, TaskStats Task)> Tasks(UiTopology topology, string? component = null) =>
        topology.Reports.SelectMany(r => r.Report.Tasks.Where(t => component is null || t.ComponentId == component).Select(t => (r, t)));

    public static Totals Sum(IEnumerable<TaskStats> tasks, string window, bool sys)
    {
        long emitted = 0, transferred = 0, acked = 0, failed = 0, executed = 0, completeSamples = 0, executeSamples = 0, processSamples = 0;
        double completeMs = 0, executeMs = 0, processMs = 0, throttledMs = 0, capacity = 0;
        foreach (var task in tasks)
        {
            var w = task.Windows.FirstOrDefault(x => x.Window == window);
            if (w is null)
            {
                continue;
            }

            throttledMs += w.ThrottledMs;
            foreach (var o in w.Outputs.Where(o => sys || !IsSystem(o.Stream)))
            {
                emitted += o.Emitted;
                transferred += o.Transferred;
                acked += o.Acked;
                failed += o.Failed;
                completeMs += o.CompleteMsSum;
                completeSamples += o.CompleteSamples;
            }

            foreach (var i in w.Inputs.Where(i => sys || (!IsSystem(i.Stream) && !IsSystem(i.Component))))
            {
                executed += i.Executed;
                acked += i.Acked;
                failed += i.Failed;
                executeMs += i.ExecuteMsSum;
                executeSamples += i.ExecuteSamples;
                processMs += i.ProcessMsSum;
                processSamples += i.ProcessSamples;
            }

            capacity = Math.Max(capacity, Capacity(task));
        }

        return new Totals(emitted, transferred, acked, failed, executed, Mean(completeMs, completeSamples), Mean(executeMs, executeSamples), Mean(processMs, processSamples), capacity, throttledMs);
    }

    /// <summary>Storm's capacity: executed × mean execute latency ÷ time, over the last 10 minutes (1 = always busy).</summary>
    public static double Capacity(TaskStats task)
    {
        var w = task.Windows.FirstOrDefault(x => x.Window == CapacityWindow);
        if (w is null || w.Seconds <= 0)
        {
            return 0;
        }

        long executed = 0, samples = 0;
        double ms = 0;
        foreach (var i in w.Inputs)
        {
            executed += i.Executed;
            samples += i.ExecuteSamples;
            ms += i.ExecuteMsSum;
        }

        return executed * Mean(ms, samples) / (w.Seconds * 1000);
    }

    /// <summary>The executors of a component: Storm's <c>[first-last]</c> id, where it runs, and its tasks.</summary>
    public static List<(string Id, UiReport Worker, List<TaskStats> Tasks)> Executors(UiTopology topology, string component) =>
    [
        .. Tasks(topology, component)
            .GroupBy(x => (x.Worker, x.Task.Executor))
            .OrderBy(g => g.Min(x => x.Task.TaskId))
            .Select(g => (g.Key.Executor, g.Key.Worker, g.Select(x => x.Task).ToList())),
    ];

    /// <summary>The components to list: spouts or bolts of the topology's shape, in declaration order.</summary>
    public static IEnumerable<ComponentShape> Components(UiTopology topology, string type, bool sys) =>
        topology.Components.Where(c => c.Type == type && (sys || !IsSystem(c.Id)));

    /// <summary>The newest error of a component, with the worker that reported it.</summary>
    public static (ErrorReport Error, UiReport Worker)? LastError(UiTopology topology, string component) =>
        topology.Reports.SelectMany(r => r.Report.Errors.Where(e => e.ComponentId == component).Select(e => (e, r)))
            .OrderByDescending(x => x.e.Time)
            .Select(x => ((ErrorReport, UiReport)?)x)
            .FirstOrDefault();

    public static double Mean(double sum, long count) => count == 0 ? 0 : sum / count;
}
