using System.Text.Json.Nodes;
using Squall.Runtime.Metrics;
using Squall.Ui.Sources;

namespace Squall.Ui.Api;

/// <summary>The component page's body: <c>/api/v1/topology/{id}/component/{component}</c>.</summary>
internal static partial class StormJson
{
    public static JsonObject Component(UiTopology topology, ComponentShape component, StatsWindow window, bool sys, DateTimeOffset now)
    {
        var tasks = StatsView.Tasks(topology, component.Id).Select(x => x.Task).ToList();
        var isSpout = component.Type == "spout";
        var body = new JsonObject
        {
            ["id"] = component.Id,
            ["encodedId"] = Uri.EscapeDataString(component.Id),
            ["name"] = topology.Name,
            ["componentType"] = component.Type,
            ["topologyId"] = topology.Id,
            ["encodedTopologyId"] = Uri.EscapeDataString(topology.Id),
            ["topologyStatus"] = topology.Status,
            ["executors"] = StatsView.Executors(topology, component.Id).Count,
            ["tasks"] = tasks.Count,
            ["window"] = window.Name,
            ["windowHint"] = window.Pretty,
            ["schedulerDisplayResource"] = false,
            ["debug"] = topology.Debug.PercentFor(component.Id) > 0,
            ["samplingPct"] = topology.Debug.Components.TryGetValue(component.Id, out var own) ? own.SamplingPct : topology.Debug.Topology?.SamplingPct ?? DefaultSamplingPct,
            ["eventLogLink"] = $"/#/topology/{Uri.EscapeDataString(topology.Id)}/events?component={Uri.EscapeDataString(component.Id)}",
            ["profilingAndDebuggingCapable"] = false,
            ["profileActionEnabled"] = false,
            ["profilerActive"] = new JsonArray(),
            ["componentErrors"] = Array(topology.Reports
                .SelectMany(r => r.Report.Errors.Where(e => e.ComponentId == component.Id).Select(e => (e, r)))
                .OrderByDescending(x => x.e.Time)
                .Select(x => Error(x.e, x.r, now))),
            ["inputs"] = Array(component.Inputs.Select(i => new JsonObject { ["component"] = i.Component, ["stream"] = i.Stream, ["grouping"] = i.Grouping })), // Squall
        };
        body[isSpout ? "spoutSummary" : "boltStats"] = Array(StatsWindow.All.Select(w => WindowSummary(tasks, w, sys, isSpout)));
        if (!isSpout)
        {
            body["inputStats"] = Array(InputStats(tasks, window, sys));
        }

        body["outputStats"] = Array(OutputStats(tasks, window, sys, isSpout));
        body["executorStats"] = Array(StatsView.Executors(topology, component.Id).Select(e => ExecutorStats(e.Id, e.Worker, e.Tasks, window, sys, isSpout)));
        return body;
    }

    private static JsonObject WindowSummary(List<TaskStats> tasks, StatsWindow window, bool sys, bool isSpout)
    {
        var totals = StatsView.Sum(tasks, window.Name, sys);
        var body = new JsonObject
        {
            ["windowPretty"] = window.Pretty,
            ["window"] = window.Name,
            ["emitted"] = totals.Emitted,
            ["transferred"] = totals.Transferred,
            ["acked"] = totals.Acked,
            ["failed"] = totals.Failed,
        };
        if (isSpout)
        {
            body["completeLatency"] = Format.Decimal3(totals.CompleteLatencyMs);
        }
        else
        {
            body["executed"] = totals.Executed;
            body["executeLatency"] = Format.Decimal3(totals.ExecuteLatencyMs);
            body["processLatency"] = Format.Decimal3(totals.ProcessLatencyMs);
        }

        return body;
    }

    private static IEnumerable<JsonObject> InputStats(List<TaskStats> tasks, StatsWindow window, bool sys) =>
        tasks.SelectMany(t => t.Windows.Where(w => w.Window == window.Name).SelectMany(w => w.Inputs))
            .Where(i => sys || (!StatsView.IsSystem(i.Component) && !StatsView.IsSystem(i.Stream)))
            .GroupBy(i => (i.Component, i.Stream))
            .OrderBy(g => g.Key.Component, StringComparer.Ordinal).ThenBy(g => g.Key.Stream, StringComparer.Ordinal)
            .Select(g => new JsonObject
            {
                ["component"] = g.Key.Component,
                ["encodedComponentId"] = Uri.EscapeDataString(g.Key.Component),
                ["stream"] = g.Key.Stream,
                ["executeLatency"] = Format.Decimal3(StatsView.Mean(g.Sum(i => i.ExecuteMsSum), g.Sum(i => i.ExecuteSamples))),
                ["processLatency"] = Format.Decimal3(StatsView.Mean(g.Sum(i => i.ProcessMsSum), g.Sum(i => i.ProcessSamples))),
                ["executed"] = g.Sum(i => i.Executed),
                ["acked"] = g.Sum(i => i.Acked),
                ["failed"] = g.Sum(i => i.Failed),
            });

    private static IEnumerable<JsonObject> OutputStats(List<TaskStats> tasks, StatsWindow window, bool sys, bool isSpout) =>
        tasks.SelectMany(t => t.Windows.Where(w => w.Window == window.Name).SelectMany(w => w.Outputs))
            .Where(o => sys || !StatsView.IsSystem(o.Stream))
            .GroupBy(o => o.Stream, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var body = new JsonObject
                {
                    ["stream"] = g.Key,
                    ["emitted"] = g.Sum(o => o.Emitted),
                    ["transferred"] = g.Sum(o => o.Transferred),
                };
                if (isSpout)
                {
                    body["completeLatency"] = Format.Decimal3(StatsView.Mean(g.Sum(o => o.CompleteMsSum), g.Sum(o => o.CompleteSamples)));
                    body["acked"] = g.Sum(o => o.Acked);
                    body["failed"] = g.Sum(o => o.Failed);
                }

                return body;
            });

    private static JsonObject ExecutorStats(string id, UiReport worker, List<TaskStats> tasks, StatsWindow window, bool sys, bool isSpout)
    {
        var totals = StatsView.Sum(tasks, window.Name, sys);
        var uptime = (long)worker.Report.UptimeSecs;
        var body = new JsonObject
        {
            ["id"] = id,
            ["encodedId"] = Uri.EscapeDataString(id),
            ["host"] = worker.Host,
            ["port"] = worker.Port,
            ["uptime"] = Format.Uptime(uptime),
            ["uptimeSeconds"] = uptime,
            ["emitted"] = totals.Emitted,
            ["transferred"] = totals.Transferred,
            ["acked"] = totals.Acked,
            ["failed"] = totals.Failed,
            ["workerLogLink"] = worker.LogLink,
            ["receiveQueueFill"] = tasks.Max(t => t.ReceiveQueueFill), // Squall
            ["backpressure"] = tasks.Any(t => t.Backpressure), // Squall
        };
        if (isSpout)
        {
            body["completeLatency"] = Format.Decimal3(totals.CompleteLatencyMs);
            body["throttledMs"] = totals.ThrottledMs; // Squall
        }
        else
        {
            body["executed"] = totals.Executed;
            body["executeLatency"] = Format.Decimal3(totals.ExecuteLatencyMs);
            body["processLatency"] = Format.Decimal3(totals.ProcessLatencyMs);
            body["capacity"] = Format.Decimal3(totals.Capacity);
        }

        return body;
    }
}
