using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Squall.Cluster.Api;
using Squall.Cluster.State;
using Squall.ZooKeeper;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// Nimbus's HTTP/JSON API. Paths follow Storm's UI REST API (<c>/api/v1/topology/summary</c>,
/// <c>/api/v1/topology/{id}/kill/{wait}</c>, ...); submit and the package download are Squall's own, since
/// Storm does those over Thrift. Every write, and the package download, needs <c>Authorization: Bearer {token}</c>.
/// </summary>
internal static class NimbusApi
{
    public const string ConfHeader = "Squall-Conf";

    public static void Map(WebApplication app, NimbusService service, NimbusQueries queries, SupervisorTracker tracker, PackageStore packages, string token)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/nimbus/summary", (CancellationToken c) => Run(() => queries.NimbusesAsync(c)));
        api.MapGet("/supervisor/summary", (CancellationToken c) => Run(() => queries.SupervisorsAsync(c)));
        api.MapGet("/topology/summary", (CancellationToken c) => Run(() => queries.ListAsync(c)));
        api.MapGet("/topology/{id}", (string id, CancellationToken c) => Run(async () => await queries.InfoAsync(await service.FindAsync(id, c), c)));
        api.MapGet("/topology/{id}/package", (HttpContext http, string id, CancellationToken c) => Authorized(http, token, () => Run<IResult>(async () =>
        {
            var topology = await service.FindAsync(id, c);
            return packages.Has(topology.Id, topology.PackageHash)
                ? Results.File(packages.PathOf(topology.Id), "application/zip")
                : throw new ApiException(404, "no package", $"This Nimbus does not hold the package of '{topology.Id}' (yet).");
        })));
        api.MapPost("/topology", (HttpContext http, string name, CancellationToken c) => Authorized(http, token, () => Run(async () =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, c);
            return await service.SubmitAsync(name, ReadConf(http), body.ToArray(), c);
        })));
        api.MapPost("/topology/{id}/activate", (HttpContext http, string id, CancellationToken c) => Authorized(http, token, () => Run(() => service.ActivateAsync(id, c))));
        api.MapPost("/topology/{id}/deactivate", (HttpContext http, string id, CancellationToken c) => Authorized(http, token, () => Run(() => service.DeactivateAsync(id, c))));
        api.MapPost("/topology/{id}/kill/{wait:int}", (HttpContext http, string id, int wait, CancellationToken c) => Authorized(http, token, () => Run(() => service.KillAsync(id, wait, c))));
        api.MapPost("/topology/{id}/rebalance/{wait:int}", (HttpContext http, string id, int wait, CancellationToken c) => Authorized(http, token, () => Run(async () =>
        {
            var request = await JsonSerializer.DeserializeAsync(http.Request.Body, ClusterJson.Default.RebalanceRequest, c)
                ?? throw new ApiException(400, "invalid rebalance", "Send {\"rebalanceOptions\": {...}}.");
            return await service.RebalanceAsync(id, wait, request.RebalanceOptions, c);
        })));
        api.MapPost("/supervisor/heartbeat", (HttpContext http, CancellationToken c) => Authorized(http, token, () => Run(async () =>
        {
            var beat = await JsonSerializer.DeserializeAsync(http.Request.Body, ClusterJson.Default.SupervisorHeartbeat, c)
                ?? throw new ApiException(400, "invalid heartbeat", "Empty heartbeat.");
            tracker.Record(beat);
            return new TopologyOperationResult("heartbeat", beat.SupervisorId, "success");
        })));
    }

    private static Dictionary<string, string> ReadConf(HttpContext http)
    {
        if (!http.Request.Headers.TryGetValue(ConfHeader, out var header) || string.IsNullOrEmpty(header))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return ClusterJson.Deserialize<Dictionary<string, string>>(Convert.FromBase64String(header.ToString()));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ApiException(400, "invalid configuration", $"The {ConfHeader} header must be base64 of a JSON object of strings: {e.Message}");
        }
    }

    private static async Task<IResult> Authorized(HttpContext http, string token, Func<Task<IResult>> action)
    {
        var given = http.Request.Headers.Authorization.ToString();
        var expected = "Bearer " + token;
        if (given.Length == 0)
        {
            return Error(401, "missing token", $"This call changes the cluster and needs the API token: set squall.api.token in squall.yaml or pass -c squall.api.token=...");
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected))
            ? await action()
            : Error(403, "invalid token", "The API token does not match this cluster's squall.api.token.");
    }

    private static async Task<IResult> Run<T>(Func<Task<T>> action)
    {
        try
        {
            var result = await action();
            return result as IResult ?? Results.Json(result, ClusterJson.Default.GetTypeInfo(typeof(T))!, statusCode: 200);
        }
        catch (ApiException e)
        {
            return Error(e.Status, e.Error, e.Message);
        }
        catch (ZooKeeperException e)
        {
            return Error(503, "zookeeper unavailable", $"Nimbus could not reach ZooKeeper: {e.Message}");
        }
    }

    private static IResult Error(int status, string error, string message) =>
        Results.Json(new ApiError(error, message), ClusterJson.Default.ApiError, statusCode: status);
}
