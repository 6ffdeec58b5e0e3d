using System.Text.Json.Nodes;
using Squall.Runtime.Metrics;
using Squall.Ui.Sources;

namespace Squall.Ui.Api;

/// <summary><c>/api/v1/topology/{id}/metrics</c> (per stream) and <c>/visualization</c> (the graph).</summary>
internal static partial class StormJson
{
    public static JsonObject Metrics(UiTopology topology, StatsWindow window, bool sys)
    {
        var spouts = StatsView.Components(topology, "spout", sys).Select(c =>
        {
            var outputs = Outputs(topology, c.Id, window, sys);
            return new JsonObject
            {
                ["id"] = c.Id,
                ["emitted"] = PerStream(outputs, o => o.Emitted),
                ["transferred"] = PerStream(outputs, o => o.Transferred),
                ["acked"] = PerStream(outputs, o => o.Acked),
                ["failed"] = PerStream(outputs, o => o.Failed),
                ["complete_ms_avg"] = PerStream(outputs, o => o.CompleteMsSum, o => o.CompleteSamples),
            };
        });
        var bolts = StatsView.Components(topology, "bolt", sys).Select(c =>
        {
            var outputs = Outputs(topology, c.Id, window, sys);
            var inputs = StatsView.Tasks(topology, c.Id)
                .SelectMany(x => x.Task.Windows.Where(w => w.Window == window.Name).SelectMany(w => w.Inputs))
                .Where(i => sys || (!StatsView.IsSystem(i.Component) && !StatsView.IsSystem(i.Stream)))
                .GroupBy(i => (i.Component, i.Stream))
                .ToList();
            return new JsonObject
            {
                ["id"] = c.Id,
                ["emitted"] = PerStream(outputs, o => o.Emitted),
                ["transferred"] = PerStream(outputs, o => o.Transferred),
                ["acked"] = PerInput(inputs, g => g.Sum(i => i.Acked)),
                ["failed"] = PerInput(inputs, g => g.Sum(i => i.Failed)),
                ["process_ms_avg"] = PerInput(inputs, g => Format.Decimal3(StatsView.Mean(g.Sum(i => i.ProcessMsSum), g.Sum(i => i.ProcessSamples)))),
                ["executed"] = PerInput(inputs, g => g.Sum(i => i.Executed)),
                ["executed_ms_avg"] = PerInput(inputs, g => Format.Decimal3(StatsView.Mean(g.Sum(i => i.ExecuteMsSum), g.Sum(i => i.ExecuteSamples)))),
            };
        });
        return new JsonObject { ["window"] = window.Name, ["spouts"] = Array(spouts), ["bolts"] = Array(bolts) };
    }

    /// <summary>
    /// The graph: each component with its type, capacity, backpressure, emitted and executed (all time, so a
    /// client polling it turns differences into rates) and its inputs with their groupings. Storm's keys.
    /// </summary>
    public static JsonObject Visualization(UiTopology topology, bool sys)
    {
        var body = new JsonObject();
        foreach (var c in topology.Components.Where(c => sys || !StatsView.IsSystem(c.Id)))
        {
            var tasks = StatsView.Tasks(topology, c.Id).Select(x => x.Task).ToList();
            var recent = StatsView.Sum(tasks, StatsView.CapacityWindow, sys);
            var all = StatsView.Sum(tasks, StatsWindow.AllTimeName, sys);
            var executedByInput = tasks
                .SelectMany(t => t.Windows.Where(w => w.Window == StatsWindow.AllTimeName).SelectMany(w => w.Inputs))
                .GroupBy(i => (i.Component, i.Stream))
                .ToDictionary(g => g.Key, g => g.Sum(i => i.Executed));
            body[c.Id] = new JsonObject
            {
                [":type"] = c.Type,
                [":capacity"] = recent.Capacity,
                [":latency"] = c.Type == "spout" ? recent.CompleteLatencyMs : recent.ExecuteLatencyMs,
                [":transferred"] = all.Transferred,
                [":emitted"] = all.Emitted,
                [":executed"] = all.Executed,
                [":acked"] = all.Acked,
                [":failed"] = all.Failed,
                [":backpressure"] = tasks.Any(t => t.Backpressure),
                [":queue"] = tasks.Count == 0 ? 0 : tasks.Max(t => t.ReceiveQueueFill),
                [":throttledMs"] = recent.ThrottledMs,
                [":inputs"] = Array(c.Inputs.Where(i => sys || !StatsView.IsSystem(i.Component)).Select(i => new JsonObject
                {
                    [":component"] = i.Component,
                    [":stream"] = i.Stream,
                    [":sani-stream"] = i.Stream.Replace(':', '_'),
                    [":grouping"] = i.Grouping,
                    [":executed"] = executedByInput.GetValueOrDefault((i.Component, i.Stream)),
                })),
            };
        }

        return body;
    }

    private static List<IGrouping<string, OutputStats>> Outputs(UiTopology topology, string component, StatsWindow window, bool sys) =>
    [
        .. StatsView.Tasks(topology, component)
            .SelectMany(x => x.Task.Windows.Where(w => w.Window == window.Name).SelectMany(w => w.Outputs))
            .Where(o => sys || !StatsView.IsSystem(o.Stream))
            .GroupBy(o => o.Stream, StringComparer.Ordinal),
    ];

    private static JsonArray PerStream(List<IGrouping<string, OutputStats>> outputs, Func<OutputStats, long> value) =>
        Array(outputs.Select(g => new JsonObject { ["stream_id"] = g.Key, ["value"] = g.Sum(value) }));

    private static JsonArray PerStream(List<IGrouping<string, OutputStats>> outputs, Func<OutputStats, double> sum, Func<OutputStats, long> count) =>
        Array(outputs.Select(g => new JsonObject { ["stream_id"] = g.Key, ["value"] = Format.Decimal3(StatsView.Mean(g.Sum(sum), g.Sum(count))) }));

    private static JsonArray PerInput<T>(List<IGrouping<(string Component, string Stream), InputStats>> inputs, Func<IGrouping<(string Component, string Stream), InputStats>, T> value) =>
        Array(inputs.Select(g => new JsonObject { ["component_id"] = g.Key.Component, ["stream_id"] = g.Key.Stream, ["value"] = JsonValue.Create(value(g)) }));
}
