using System.Globalization;
using System.Text.Json.Nodes;
using Squall.Runtime.EventLogging;
using Squall.Ui.Sources;

namespace Squall.Ui.Api;

/// <summary>Squall's event log body (<c>/api/v1/topology/{id}/events</c>): the sampled tuples, newest first.</summary>
internal static partial class StormJson
{
    /// <summary>The percentage Storm's UI proposes when debug is switched on.</summary>
    public const double DefaultSamplingPct = 10;

    public static JsonObject Events(UiTopology topology, string? component, int limit) => new()
    {
        ["topologyId"] = topology.Id,
        ["eventLogging"] = topology.EventLoggingEnabled,
        ["debug"] = DebugState(topology.Debug),
        ["events"] = Array(topology.Events
            .Where(e => component is null || e.Component == component)
            .Reverse()
            .Take(limit)
            .Select(Event)),
    };

    /// <summary>Root ids are 64-bit: sent as strings, which JavaScript's numbers would round.</summary>
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>An instant as ISO 8601 with its offset (the page formats it).</summary>
    public static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static JsonObject Event(SampledEvent e) => new()
    {
        ["time"] = Time(e.Time),
        ["kind"] = e.Kind,
        ["component"] = e.Component,
        ["task"] = e.Task,
        ["stream"] = e.Stream,
        ["values"] = Array(e.Values.Select(v => JsonValue.Create(v))),
        ["messageId"] = e.MessageId,
        ["roots"] = Array(e.Roots.Select(r => JsonValue.Create(Id(r)))),
        ["targets"] = Array(e.Edges.Where(x => x.Task >= 0).Select(x => x.Task).Distinct().Select(t => JsonValue.Create(t))),
        ["reason"] = e.Reason,
    };

    private static JsonObject DebugState(DebugOptions debug)
    {
        var components = new JsonObject();
        foreach (var (id, setting) in debug.Components)
        {
            components[id] = new JsonObject { ["enabled"] = setting.Enabled, ["samplingPct"] = setting.SamplingPct };
        }

        return new JsonObject
        {
            ["enabled"] = debug.Topology?.Enabled ?? false,
            ["samplingPct"] = debug.Topology?.SamplingPct ?? DefaultSamplingPct,
            ["components"] = components,
        };
    }
}
