using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Squall.Cluster.Api;
using Squall.Cluster.State;

namespace Squall.Ui.Sources;

/// <summary>
/// The UI of a cluster (<c>squall ui</c>): reads from any Nimbus in <c>nimbus.seeds</c> (followers answer
/// reads too) and forwards writes to the leader with the caller's own Authorization header, so Nimbus —
/// not the UI — decides who may act. Reads of a topology need a credential (its configuration is not public):
/// the UI presents its own read token (<c>squall.api.read.token</c>, else <c>squall.api.token</c>).
/// </summary>
internal sealed class NimbusSource(IReadOnlyList<string> seeds, IReadOnlyDictionary<string, string> configuration, string? readToken) : IUiSource, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public IReadOnlyDictionary<string, string> Configuration => configuration;

    public void Dispose() => _http.Dispose();

    public async Task<UiCluster> ClusterAsync(CancellationToken cancel)
    {
        var nimbuses = await GetAsync("api/v1/nimbus/summary", ClusterJson.Default.NimbusList, cancel);
        var supervisors = await GetAsync("api/v1/supervisor/summary", ClusterJson.Default.SupervisorList, cancel);
        var list = await GetAsync("api/v1/topology/summary", ClusterJson.Default.TopologyList, cancel);
        var topologies = new List<UiTopology>();
        foreach (var summary in list.Topologies)
        {
            if (await TopologyAsync(summary.Id, cancel) is { } topology)
            {
                topologies.Add(topology);
            }
        }

        return new UiCluster(
            [.. nimbuses.Nimbuses.Select(n => new UiNimbus(n.Host, n.Port, n.Status))],
            [.. supervisors.Supervisors.Select(s => new UiSupervisor(s.Id, s.Host, s.UptimeSeconds, s.SlotsTotal, s.SlotsUsed, s.Alive))],
            topologies);
    }

    public async Task<UiTopology?> TopologyAsync(string id, CancellationToken cancel)
    {
        TopologyInfo info;
        try
        {
            info = await GetAsync($"api/v1/topology/{Uri.EscapeDataString(id)}", ClusterJson.Default.TopologyInfo, cancel);
        }
        catch (UiSourceException e) when (e.Status == 404)
        {
            return null;
        }

        var reports = info.Reports.Select(r => new UiReport(r.SupervisorId, r.Host, r.Port, LogLink(r.Host, r.LogPort, info.Id, r.Port), r.Report)).ToList();
        return new UiTopology(
            info.Id,
            info.Name,
            info.Status,
            info.UptimeSeconds,
            info.Workers.Count,
            info.Conf,
            [.. info.Workers.Select(w => new UiWorker(w.SupervisorId, w.Host, w.Port, w.Alive, LogLink(w.Host, w.LogPort, info.Id, w.Port)))],
            reports);
    }

    public async Task<UiActionResult> ActAsync(UiAction action, string authorization, CancellationToken cancel)
    {
        var id = Uri.EscapeDataString(action.TopologyId);
        var path = action.Kind switch
        {
            "activate" or "deactivate" => $"api/v1/topology/{id}/{action.Kind}",
            "kill" or "rebalance" => $"api/v1/topology/{id}/{action.Kind}/{action.WaitSecs}",
            "debug" => DebugPath(id, action),
            _ => null,
        };
        if (path is null)
        {
            return new UiActionResult(404, "unknown action", $"'{action.Kind}' is not an action (activate, deactivate, rebalance, kill, debug).");
        }

        // The caller's token goes only to a Nimbus this UI was configured with, never to an address read from ZooKeeper.
        var leader = await LeaderAsync(cancel);
        if (!seeds.Contains($"{leader.Host}:{leader.Port}", StringComparer.OrdinalIgnoreCase))
        {
            return new UiActionResult(503, "unknown leader", $"The leading Nimbus {leader.Host}:{leader.Port} is not in nimbus.seeds; add it there to act through this UI.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(leader, path));
        if (authorization.Length > 0)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (action.Kind == "rebalance")
        {
            request.Content = JsonContent.Create(new RebalanceRequest(new RebalanceOptionsBody(action.Workers, action.Executors)), ClusterJson.Default.RebalanceRequest);
        }

        using var response = await SendAsync(request, cancel);
        if (response.IsSuccessStatusCode)
        {
            return UiActionResult.Ok;
        }

        var error = await ReadErrorAsync(response, cancel);
        return new UiActionResult((int)response.StatusCode, error.Error, error.ErrorMessage);
    }

    private static string DebugPath(string id, UiAction action)
    {
        var (component, setting) = action.Debug;
        var target = component is null ? "" : $"component/{Uri.EscapeDataString(component)}/";
        return $"api/v1/topology/{id}/{target}debug/{(setting.Enabled ? "enable" : "disable")}/{setting.SamplingPct.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Storm's worker log link: the supervisor's log viewer, <c>TOPOLOGY/PORT/worker.log</c>.</summary>
    private static string LogLink(string host, int logPort, string topologyId, int port) =>
        logPort > 0 ? $"http://{host}:{logPort}/api/v1/log?file={Uri.EscapeDataString($"{topologyId}/{port}/worker.log")}" : "";

    private async Task<Uri> LeaderAsync(CancellationToken cancel)
    {
        var nimbuses = await GetAsync("api/v1/nimbus/summary", ClusterJson.Default.NimbusList, cancel);
        return nimbuses.Nimbuses.FirstOrDefault(n => n.Status == "Leader") is { } leader
            ? new Uri($"http://{leader.Host}:{leader.Port}/")
            : throw new UiSourceException(503, "no leader", "No Nimbus leads the cluster right now; try again in a few seconds.");
    }

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancel)
    {
        var problems = new List<string>();
        foreach (var seed in seeds)
        {
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{seed}/{path}"));
                if (readToken is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readToken);
                }

                response = await _http.SendAsync(request, cancel);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
                problems.Add($"{seed}: {e.Message}");
                continue;
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var error = await ReadErrorAsync(response, cancel);
                    throw new UiSourceException((int)response.StatusCode, error.Error, error.ErrorMessage);
                }

                return await response.Content.ReadFromJsonAsync(type, cancel) ?? throw new UiSourceException(502, "empty answer", $"Nimbus {seed} sent an empty answer to {path}.");
            }
        }

        throw new UiSourceException(503, "nimbus unreachable", $"No Nimbus answers (nimbus.seeds: {string.Join(", ", seeds)}): {string.Join("; ", problems)}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        try
        {
            return await _http.SendAsync(request, cancel);
        }
        catch (HttpRequestException e)
        {
            throw new UiSourceException(503, "nimbus unreachable", $"Cannot reach Nimbus at {request.RequestUri}: {e.Message}");
        }
    }

    private static async Task<ApiError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancel);
        try
        {
            return JsonSerializer.Deserialize(body, ClusterJson.Default.ApiError) ?? Fallback();
        }
        catch (JsonException)
        {
            return Fallback();
        }

        ApiError Fallback() => new("nimbus error", $"Nimbus answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }
}
