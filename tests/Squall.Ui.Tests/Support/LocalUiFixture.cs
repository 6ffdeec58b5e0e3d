using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Squall.Runtime;

namespace Squall.Ui.Tests.Support;

/// <summary>A local cluster running a small word count of known size, its UI on a free loopback port, and a client.</summary>
public sealed class LocalUiFixture : IAsyncDisposable
{
    public const string Topology = "words";
    public const int Sentences = 90;

    private LocalUiFixture(LocalCluster cluster, LocalUi ui, SpoutLog log)
    {
        Cluster = cluster;
        Ui = ui;
        Log = log;
        Http = new HttpClient { BaseAddress = ui.Url };
    }

    public LocalCluster Cluster { get; }

    public LocalUi Ui { get; }

    public SpoutLog Log { get; }

    public HttpClient Http { get; }

    public static async Task<LocalUiFixture> StartAsync()
    {
        var cluster = new LocalCluster(new LocalClusterOptions { OnError = null });
        var log = new SpoutLog();
        cluster.SubmitTopology(Topology, new Config(), WordTopology.Build(log, Sentences));
        var ui = await LocalUi.StartAsync(cluster, port: 0);
        return new LocalUiFixture(cluster, ui, log);
    }

    /// <summary>A UI and client over a cluster the caller set up (disposing the fixture disposes the cluster).</summary>
    public static async Task<LocalUiFixture> StartOnAsync(LocalCluster cluster) => new(cluster, await LocalUi.StartAsync(cluster, port: 0), new SpoutLog());

    public async Task<JsonObject> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<(int Status, JsonObject Body)> PostAsync(string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Ui.DisposeAsync();
        Cluster.Dispose();
    }
}
