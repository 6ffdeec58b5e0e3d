using System.Text.Json.Nodes;
using Squall.Runtime.Metrics;
using Squall.Ui.Sources;

namespace Squall.Ui.Api;

/// <summary>The topology page's body: <c>/api/v1/topology/{id}</c>.</summary>
internal static partial class StormJson
{
    public static JsonObject Topology(UiTopology topology, StatsWindow window, bool sys, DateTimeOffset now)
    {
        var body = new JsonObject
        {
            ["id"] = topology.Id,
            ["encodedId"] = Uri.EscapeDataString(topology.Id),
            ["name"] = topology.Name,
            ["uptime"] = Format.Uptime(topology.UptimeSeconds),
            ["uptimeSeconds"] = topology.UptimeSeconds,
            ["status"] = topology.Status,
            ["tasksTotal"] = TasksTotal(topology),
            ["workersTotal"] = topology.WorkersTotal,
            ["executorsTotal"] = ExecutorsTotal(topology),
            ["msgTimeout"] = topology.MessageTimeoutSecs,
            ["window"] = window.Name,
            ["windowHint"] = window.Pretty,
            ["schedulerDisplayResource"] = false,
            ["replicationCount"] = 1,
            ["debug"] = topology.Debug.Topology?.Enabled ?? false,
            ["samplingPct"] = topology.Debug.Topology?.SamplingPct ?? DefaultSamplingPct,
            ["eventLogging"] = topology.EventLoggingEnabled, // Squall: false when topology.eventlogger.executors is 0
            ["topologyStats"] = Array(StatsWindow.All.Select(w => TopologyStats(topology, w, sys))),
            ["workers"] = Array(topology.Workers.Select(w => Worker(topology, w))),
            ["spouts"] = Array(StatsView.Components(topology, "spout", sys).Select(c => Spout(topology, c, window, sys, now))),
            ["bolts"] = Array(StatsView.Components(topology, "bolt", sys).Select(c => Bolt(topology, c, window, sys, now))),
            ["configuration"] = Configuration(topology.Conf),
        };
        return body;
    }

    private static JsonObject TopologyStats(UiTopology topology, StatsWindow window, bool sys)
    {
        var all = StatsView.Sum(StatsView.Tasks(topology).Where(x => sys || !StatsView.IsSystem(x.Task.ComponentId)).Select(x => x.Task), window.Name, sys);
        var spouts = topology.Components.Where(c => c.Type == "spout").Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var fromSpouts = StatsView.Sum(StatsView.Tasks(topology).Where(x => spouts.Contains(x.Task.ComponentId)).Select(x => x.Task), window.Name, sys);
        return new JsonObject
        {
            ["windowPretty"] = window.Pretty,
            ["window"] = window.Name,
            ["emitted"] = all.Emitted,
            ["transferred"] = all.Transferred,
            ["completeLatency"] = Format.Decimal3(fromSpouts.CompleteLatencyMs),
            ["acked"] = fromSpouts.Acked,
            ["failed"] = fromSpouts.Failed,
        };
    }

    private static JsonObject Worker(UiTopology topology, UiWorker worker)
    {
        var report = topology.Reports.FirstOrDefault(r => r.Host == worker.Host && r.Port == worker.Port);
        var tasks = report?.Report.Tasks ?? [];
        var numTasks = new JsonObject();
        foreach (var group in tasks.Where(t => !StatsView.IsSystem(t.ComponentId)).GroupBy(t => t.ComponentId, StringComparer.Ordinal))
        {
            numTasks[group.Key] = group.Count();
        }

        var uptime = (long)(report?.Report.UptimeSecs ?? 0);
        return new JsonObject
        {
            ["topologyName"] = topology.Name,
            ["topologyId"] = topology.Id,
            ["supervisorId"] = worker.SupervisorId,
            ["host"] = worker.Host,
            ["port"] = worker.Port,
            ["uptime"] = Format.Uptime(uptime),
            ["uptimeSeconds"] = uptime,
            ["workerLogLink"] = worker.LogLink,
            ["componentNumTasks"] = numTasks,
            ["executorsTotal"] = tasks.Select(t => t.Executor).Distinct(StringComparer.Ordinal).Count(),
            ["alive"] = worker.Alive, // Squall: whether the worker reports
        };
    }

    private static JsonObject Spout(UiTopology topology, ComponentShape component, StatsWindow window, bool sys, DateTimeOffset now)
    {
        var tasks = StatsView.Tasks(topology, component.Id).Select(x => x.Task).ToList();
        var totals = StatsView.Sum(tasks, window.Name, sys);
        var body = new JsonObject
        {
            ["spoutId"] = component.Id,
            ["encodedSpoutId"] = Uri.EscapeDataString(component.Id),
            ["executors"] = StatsView.Executors(topology, component.Id).Count,
            ["tasks"] = tasks.Count,
            ["emitted"] = totals.Emitted,
            ["transferred"] = totals.Transferred,
            ["completeLatency"] = Format.Decimal3(totals.CompleteLatencyMs),
            ["acked"] = totals.Acked,
            ["failed"] = totals.Failed,
            ["throttledMs"] = totals.ThrottledMs, // Squall: time held back by backpressure or max spout pending
            ["backpressure"] = tasks.Any(t => t.Backpressure), // Squall
        };
        AddLastError(body, topology, component.Id, now);
        return body;
    }

    private static JsonObject Bolt(UiTopology topology, ComponentShape component, StatsWindow window, bool sys, DateTimeOffset now)
    {
        var tasks = StatsView.Tasks(topology, component.Id).Select(x => x.Task).ToList();
        var totals = StatsView.Sum(tasks, window.Name, sys);
        var body = new JsonObject
        {
            ["boltId"] = component.Id,
            ["encodedBoltId"] = Uri.EscapeDataString(component.Id),
            ["executors"] = StatsView.Executors(topology, component.Id).Count,
            ["tasks"] = tasks.Count,
            ["emitted"] = totals.Emitted,
            ["transferred"] = totals.Transferred,
            ["capacity"] = Format.Decimal3(totals.Capacity),
            ["executeLatency"] = Format.Decimal3(totals.ExecuteLatencyMs),
            ["executed"] = totals.Executed,
            ["processLatency"] = Format.Decimal3(totals.ProcessLatencyMs),
            ["acked"] = totals.Acked,
            ["failed"] = totals.Failed,
            ["receiveQueueFill"] = tasks.Count == 0 ? 0 : tasks.Max(t => t.ReceiveQueueFill), // Squall
            ["backpressure"] = tasks.Any(t => t.Backpressure), // Squall
        };
        AddLastError(body, topology, component.Id, now);
        return body;
    }
}
