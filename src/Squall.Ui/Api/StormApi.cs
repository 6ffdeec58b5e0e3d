using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Squall.Hosting;
using Squall.Runtime.Metrics;
using Squall.Ui.Sources;

namespace Squall.Ui.Api;

/// <summary>
/// Storm's UI REST API (<c>/api/v1/...</c>) over an <see cref="IUiSource"/>: the same paths, parameters
/// (<c>window</c>, <c>sys</c>) and field names as Storm, so scripts written for Storm's UI keep working. Every
/// failure is a JSON body <c>{"error": ..., "errorMessage": ...}</c> with a fitting status, never an empty 500.
/// </summary>
internal static class StormApi
{
    /// <summary>Readable JSON: quotes and non-ASCII as they are (bodies are served as application/json, never inlined in HTML).</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder app, IUiSource source, UiOptions options)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/cluster/summary", (CancellationToken c) => Run(async () => StormJson.ClusterSummary(await source.ClusterAsync(c))));
        api.MapGet("/cluster/configuration", () => Run(() => Task.FromResult(StormJson.Configuration(source.Configuration))));
        api.MapGet("/nimbus/summary", (CancellationToken c) => Run(async () => StormJson.NimbusSummary(await source.ClusterAsync(c))));
        api.MapGet("/supervisor/summary", (CancellationToken c) => Run(async () => StormJson.SupervisorSummary(await source.ClusterAsync(c))));
        api.MapGet("/topology/summary", (CancellationToken c) => Run(async () => StormJson.TopologySummary(await source.ClusterAsync(c))));
        api.MapGet("/topology/{id}", (string id, string? window, string? sys, CancellationToken c) => Run(async () =>
            StormJson.Topology(await FindAsync(source, id, c), Window(window), Sys(sys), options.Time.GetUtcNow())));
        api.MapGet("/topology/{id}/component/{component}", (string id, string component, string? window, string? sys, CancellationToken c) => Run(async () =>
        {
            var topology = await FindAsync(source, id, c);
            var shape = topology.Components.FirstOrDefault(x => x.Id == component)
                ?? throw new UiSourceException(404, "unknown component", $"Topology '{topology.Name}' has no component '{component}' (it has: {string.Join(", ", topology.Components.Select(x => x.Id))}).");
            return StormJson.Component(topology, shape, Window(window), Sys(sys), options.Time.GetUtcNow());
        }));
        api.MapGet("/topology/{id}/visualization", (string id, string? sys, CancellationToken c) => Run(async () => StormJson.Visualization(await FindAsync(source, id, c), Sys(sys))));
        api.MapGet("/topology/{id}/metrics", (string id, string? window, string? sys, CancellationToken c) => Run(async () => StormJson.Metrics(await FindAsync(source, id, c), Window(window), Sys(sys))));
        api.MapGet("/topology-workers/{id}", (string id, CancellationToken c) => Run(async () => StormJson.TopologyWorkers(await FindAsync(source, id, c), options.LogviewerPort)));

        api.MapPost("/topology/{id}/activate", (HttpContext http, string id, CancellationToken c) => Act(source, http, () => new UiAction("activate", id), c));
        api.MapPost("/topology/{id}/deactivate", (HttpContext http, string id, CancellationToken c) => Act(source, http, () => new UiAction("deactivate", id), c));
        api.MapPost("/topology/{id}/kill/{wait}", (HttpContext http, string id, string wait, CancellationToken c) => Act(source, http, () => new UiAction("kill", id, Wait(wait)), c));
        api.MapPost("/topology/{id}/rebalance/{wait}", async (HttpContext http, string id, string wait, CancellationToken c) =>
        {
            try
            {
                var (workers, executors) = await ReadRebalanceAsync(http.Request, c);
                return await Act(source, http, () => new UiAction("rebalance", id, Wait(wait), workers, executors), c);
            }
            catch (UiSourceException e)
            {
                return Error(e.Status, e.Error, e.Message);
            }
        });
        api.MapPost("/topology/{id}/debug/{action}/{spct}", (HttpContext http, string id, string action, string spct, CancellationToken c) =>
            Act(source, http, () => Debug(id, null, action, spct), c));
        api.MapPost("/topology/{id}/component/{component}/debug/{action}/{spct}", (HttpContext http, string id, string component, string action, string spct, CancellationToken c) =>
            Act(source, http, () => Debug(id, component, action, spct), c));

        // Squall: the sampled events, and the tuple trees of failed tuples (flight recorders) and of sampled ones.
        api.MapGet("/topology/{id}/events", (string id, string? component, int? limit, CancellationToken c) => Run(async () =>
            StormJson.Events(await FindAsync(source, id, c), component, Limit(limit))));
        api.MapGet("/topology/{id}/trees", (string id, int? limit, CancellationToken c) => Run(async () =>
        {
            var topology = await FindAsync(source, id, c);
            return new JsonObject { ["topologyId"] = topology.Id, ["trees"] = TupleTree.Recent(topology, Limit(limit)) };
        }));
        api.MapGet("/topology/{id}/tree/{root}", (string id, string root, CancellationToken c) => Run(async () =>
        {
            var topology = await FindAsync(source, id, c);
            var rootId = long.TryParse(root, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var r) && r != 0
                ? r
                : throw new UiSourceException(400, "invalid root", $"'{root}' is not a tuple tree's root id (a non-zero 64-bit number).");
            var tasks = topology.Reports.SelectMany(x => x.Report.Tasks).GroupBy(t => t.TaskId).ToDictionary(g => g.Key, g => g.First().ComponentId);
            return TupleTree.Build(topology, rootId, t => tasks.GetValueOrDefault(t))
                ?? throw new UiSourceException(404, "unknown tree", $"Tree {root} is neither among the last failed trees nor sampled: it succeeded unsampled, or is older than what the workers keep.");
        }));
    }

    public static IResult Error(int status, string error, string message) => ApiErrors.Result(status, error, message);

    /// <summary>Storm's <c>debug/{enable|disable}/{spct}</c>.</summary>
    private static UiAction Debug(string id, string? component, string action, string spct)
    {
        var enable = action switch
        {
            "enable" => true,
            "disable" => false,
            _ => throw new UiSourceException(400, "invalid debug", $"The debug action must be 'enable' or 'disable', not '{action}'."),
        };
        var percent = double.TryParse(spct, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : double.NaN;
        if (Runtime.EventLogging.DebugOptions.CheckPercent(percent) is { } problem)
        {
            throw new UiSourceException(400, "invalid debug", problem.Replace("NaN", $"'{spct}'", StringComparison.Ordinal));
        }

        return new UiAction("debug", id) { Debug = (component, new Runtime.EventLogging.SamplingSetting(enable, percent)) };
    }

    private static int Limit(int? limit) => limit is > 0 ? limit.Value : 500;

    private static async Task<UiTopology> FindAsync(IUiSource source, string id, CancellationToken cancel) =>
        await source.TopologyAsync(id, cancel) ?? throw new UiSourceException(404, "unknown topology", $"No topology named or with id '{id}'.");

    private static StatsWindow Window(string? window) =>
        Format.Window(window) ?? throw new UiSourceException(400, "invalid window", $"Window '{window}' is not one of {string.Join(", ", StatsWindow.All.Select(w => w.Name))}.");

    private static bool Sys(string? sys) => sys is "1" or "true";

    private static int Wait(string wait) =>
        int.TryParse(wait, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= -1
            ? seconds
            : throw new UiSourceException(400, "invalid wait", $"The wait time must be a number of seconds, not '{wait}'.");

    private static async Task<IResult> Run(Func<Task<JsonObject>> action)
    {
        try
        {
            return Results.Text((await action()).ToJsonString(Json), "application/json");
        }
        catch (UiSourceException e)
        {
            return Error(e.Status, e.Error, e.Message);
        }
    }

    private static async Task<IResult> Act(IUiSource source, HttpContext http, Func<UiAction> read, CancellationToken cancel)
    {
        try
        {
            var action = read();
            var result = await source.ActAsync(action, http.Request.Headers.Authorization.ToString(), cancel);
            return result.Succeeded
                ? Results.Text(new JsonObject { ["topologyOperation"] = action.Kind, ["topologyId"] = action.TopologyId, ["status"] = "success" }.ToJsonString(Json), "application/json")
                : Error(result.Status, result.Error, result.ErrorMessage);
        }
        catch (UiSourceException e)
        {
            return Error(e.Status, e.Error, e.Message);
        }
    }

    /// <summary>Storm's rebalance body: <c>{"rebalanceOptions": {"numWorkers": 2, "executors": {"split": 7}}}</c> (counts may be strings).</summary>
    private static async Task<(int? Workers, Dictionary<string, int>? Executors)> ReadRebalanceAsync(HttpRequest request, CancellationToken cancel)
    {
        JsonNode? body;
        try
        {
            body = request.ContentLength is 0 ? null : await JsonNode.ParseAsync(request.Body, cancellationToken: cancel);
        }
        catch (JsonException e)
        {
            throw new UiSourceException(400, "invalid rebalance", $"The body must be JSON like {{\"rebalanceOptions\": {{\"numWorkers\": 2, \"executors\": {{\"split\": 4}}}}}}: {e.Message}");
        }

        var options = body?["rebalanceOptions"];
        if (options is null)
        {
            return (null, null);
        }

        int? workers = options["numWorkers"] is { } w ? Count(w, "numWorkers") : null;
        Dictionary<string, int>? executors = null;
        if (options["executors"] is JsonObject map)
        {
            executors = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (component, value) in map)
            {
                executors[component] = Count(value, $"executors.{component}");
            }
        }

        return (workers, executors);
    }

    private static int Count(JsonNode? node, string name)
    {
        var text = node?.ToString() ?? "";
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new UiSourceException(400, "invalid rebalance", $"{name} must be a count of at least 1, not '{text}'.");
    }
}
