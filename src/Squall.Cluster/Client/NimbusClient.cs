using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Squall.Cluster.Api;
using Squall.Cluster.Configuration;
using Squall.Cluster.Nimbus;
using Squall.Cluster.State;

namespace Squall.Cluster.Client;

/// <summary>
/// The CLI's side of Nimbus's HTTP API. It asks the seeds (<c>nimbus.seeds</c>) which Nimbus leads and sends
/// every call there, so the CLI works across a failover without configuration changes.
/// </summary>
internal sealed class NimbusClient : IDisposable
{
    private readonly ClientOptions _options;
    private readonly HttpClient _http;
    private Uri? _leader;

    public NimbusClient(ClientOptions options)
    {
        _options = options;
        _http = options.Tls.CreateClient(options.Timeout, options.Token);
    }

    public Task<TopologyList> ListAsync(CancellationToken cancel) => GetAsync("api/v1/topology/summary", ClusterJson.Default.TopologyList, cancel);

    public Task<TopologyInfo> InfoAsync(string name, CancellationToken cancel) => GetAsync($"api/v1/topology/{Uri.EscapeDataString(name)}", ClusterJson.Default.TopologyInfo, cancel);

    public Task<SupervisorList> SupervisorsAsync(CancellationToken cancel) => GetAsync("api/v1/supervisor/summary", ClusterJson.Default.SupervisorList, cancel);

    public Task<TopologyOperationResult> SubmitAsync(string name, byte[] zip, IReadOnlyDictionary<string, string> conf, CancellationToken cancel)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Headers.Add(NimbusApi.ConfHeader, Convert.ToBase64String(ClusterJson.Serialize(new Dictionary<string, string>(conf, StringComparer.Ordinal))));
        return PostAsync($"api/v1/topology?name={Uri.EscapeDataString(name)}", content, cancel);
    }

    public Task<TopologyOperationResult> KillAsync(string name, int waitSecs, CancellationToken cancel) =>
        PostAsync($"api/v1/topology/{Uri.EscapeDataString(name)}/kill/{waitSecs}", null, cancel);

    public Task<TopologyOperationResult> ActivateAsync(string name, CancellationToken cancel) =>
        PostAsync($"api/v1/topology/{Uri.EscapeDataString(name)}/activate", null, cancel);

    public Task<TopologyOperationResult> DeactivateAsync(string name, CancellationToken cancel) =>
        PostAsync($"api/v1/topology/{Uri.EscapeDataString(name)}/deactivate", null, cancel);

    public Task<TopologyOperationResult> RebalanceAsync(string name, int waitSecs, int? workers, Dictionary<string, int>? executors, CancellationToken cancel) =>
        PostAsync(
            $"api/v1/topology/{Uri.EscapeDataString(name)}/rebalance/{waitSecs}",
            JsonContent.Create(new RebalanceRequest(new RebalanceOptionsBody(workers, executors)), ClusterJson.Default.RebalanceRequest),
            cancel);

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancel)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancel);
        return await ReadAsync(response, type, cancel);
    }

    private async Task<TopologyOperationResult> PostAsync(string path, HttpContent? content, CancellationToken cancel)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, cancel);
        return await ReadAsync(response, ClusterJson.Default.TopologyOperationResult, cancel);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancel)
    {
        var leader = _leader ??= await FindLeaderAsync(cancel);
        using var message = request();
        message.RequestUri = new Uri(leader, message.RequestUri!);
        try
        {
            return await _http.SendAsync(message, cancel);
        }
        catch (HttpRequestException e)
        {
            throw new ClusterClientException($"Cannot reach Nimbus at {leader}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new ClusterClientException($"Nimbus at {leader} did not answer within {_options.Timeout.TotalSeconds:F0} s; the call may still take effect (check with 'squall list').");
        }
    }

    private async Task<Uri> FindLeaderAsync(CancellationToken cancel)
    {
        var problems = new List<string>();
        foreach (var seed in _options.Seeds)
        {
            try
            {
                var nimbuses = await _http.GetFromJsonAsync(new Uri($"{_options.Tls.Scheme}://{seed}/api/v1/nimbus/summary"), ClusterJson.Default.NimbusList, cancel);
                if (nimbuses?.Nimbuses.FirstOrDefault(n => n.Status == "Leader") is { } leader)
                {
                    return new Uri($"{_options.Tls.Scheme}://{leader.Host}:{leader.Port}/");
                }

                problems.Add($"{seed}: no leader elected");
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
            {
                problems.Add($"{seed}: {e.Message}");
            }
        }

        throw new ClusterClientException($"Cannot find the leader Nimbus (nimbus.seeds: {string.Join(", ", _options.Seeds)}): {string.Join("; ", problems)}");
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancel)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancel);
        if (!response.IsSuccessStatusCode)
        {
            ApiError? error = null;
            try
            {
                error = JsonSerializer.Deserialize(body, ClusterJson.Default.ApiError);
            }
            catch (JsonException)
            {
                // Not one of ours: report the status.
            }

            throw new ClusterClientException(error is null ? $"Nimbus answered {(int)response.StatusCode} {response.ReasonPhrase}." : $"{error.Error}: {error.ErrorMessage}");
        }

        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new ClusterClientException("Nimbus sent an empty answer.");
        }
        catch (JsonException e)
        {
            throw new ClusterClientException($"Nimbus sent an answer this CLI does not understand (another version?): {e.Message}");
        }
    }
}
