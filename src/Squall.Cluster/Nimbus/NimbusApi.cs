using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Squall.Cluster.Api;
using Squall.Cluster.State;
using Squall.Hosting;
using Squall.ZooKeeper;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// Nimbus's HTTP/JSON API. Paths follow Storm's UI REST API (<c>/api/v1/topology/summary</c>,
/// <c>/api/v1/topology/{id}/kill/{wait}</c>, ...); submit and the package download are Squall's own, since
/// Storm does those over Thrift. Calls need <c>Authorization: Bearer {token}</c> with the token of their
/// <see cref="ApiAccess"/>: writes the client token, a topology's details the client or read token, heartbeats
/// and package downloads the supervisor token. Only the summaries are open (leader discovery needs them).
/// Every refusal, whatever its cause (bad body, unknown path, internal failure), is an <see cref="ApiError"/>
/// with a 4xx/5xx status: a client never has to guess from an empty body.
/// </summary>
internal static class NimbusApi
{
    public const string ConfHeader = "Squall-Conf";

    /// <summary>The largest JSON body (rebalance, heartbeat) Nimbus reads; packages have their own limit.</summary>
    public const long MaxJsonBodyBytes = 1024 * 1024;

    public static void Map(WebApplication app, NimbusApiContext context)
    {
        var (service, queries, tracker, packages, credentials) = (context.Service, context.Queries, context.Tracker, context.Packages, context.Credentials);
        UseErrorBodies(app, context.Log);
        var api = app.MapGroup("/api/v1");
        api.MapGet("/nimbus/summary", (CancellationToken c) => Run(() => queries.NimbusesAsync(c)));
        api.MapGet("/supervisor/summary", (CancellationToken c) => Run(() => queries.SupervisorsAsync(c)));
        api.MapGet("/topology/summary", (CancellationToken c) => Run(() => queries.ListAsync(c)));
        api.MapGet("/topology/{id}", (HttpContext http, string id, CancellationToken c) => Authorized(http, credentials, ApiAccess.Read, () => Run(async () => await queries.InfoAsync(await service.FindAsync(id, c), c))));
        api.MapGet("/topology/{id}/package", (HttpContext http, string id, CancellationToken c) => Authorized(http, credentials, ApiAccess.Internal, () => Run<IResult>(async () =>
        {
            var topology = await service.FindAsync(id, c);
            return packages.Has(topology.Id, topology.PackageHash)
                ? Results.File(packages.PathOf(topology.Id), "application/zip")
                : throw new ApiException(404, "no package", $"This Nimbus does not hold the package of '{topology.Id}' (yet).");
        })));
        api.MapPost("/topology", (HttpContext http, string? name, CancellationToken c) => Authorized(http, credentials, ApiAccess.Write, () => Run(async () =>
        {
            using var upload = packages.BeginUpload();
            await ReadPackageAsync(http, upload, context.MaxPackageBytes, c);
            return await service.SubmitAsync(name, ReadConf(http), upload, c);
        })));
        api.MapPost("/topology/{id}/activate", (HttpContext http, string id, CancellationToken c) => Authorized(http, credentials, ApiAccess.Write, () => Run(() => service.ActivateAsync(id, c))));
        api.MapPost("/topology/{id}/deactivate", (HttpContext http, string id, CancellationToken c) => Authorized(http, credentials, ApiAccess.Write, () => Run(() => service.DeactivateAsync(id, c))));
        api.MapPost("/topology/{id}/kill/{wait:int}", (HttpContext http, string id, int wait, CancellationToken c) => Authorized(http, credentials, ApiAccess.Write, () => Run(() => service.KillAsync(id, wait, c))));
        api.MapPost("/topology/{id}/rebalance/{wait:int}", (HttpContext http, string id, int wait, CancellationToken c) => Authorized(http, credentials, ApiAccess.Write, () => Run(async () =>
        {
            var request = await ReadJsonAsync(http, ClusterJson.Default.RebalanceRequest, "rebalance", "{\"rebalanceOptions\": {\"numWorkers\": 3, \"executors\": {\"split\": 4}}}", c);
            return await service.RebalanceAsync(id, wait, request.RebalanceOptions, c);
        })));
        api.MapPost("/topology/{id}/debug/{action}/{spct}", (HttpContext http, string id, string action, string spct, CancellationToken c) =>
            Authorized(http, credentials, ApiAccess.Write, () => Run(() => service.DebugAsync(id, null, DebugSetting(action, spct), c))));
        api.MapPost("/topology/{id}/component/{component}/debug/{action}/{spct}", (HttpContext http, string id, string component, string action, string spct, CancellationToken c) =>
            Authorized(http, credentials, ApiAccess.Write, () => Run(() => service.DebugAsync(id, component, DebugSetting(action, spct), c))));
        api.MapPost("/supervisor/heartbeat", (HttpContext http, CancellationToken c) => Authorized(http, credentials, ApiAccess.Internal, () => Run(async () =>
        {
            var beat = await ReadJsonAsync(http, ClusterJson.Default.SupervisorHeartbeat, "heartbeat", "a SupervisorHeartbeat", c);
            if (beat.SupervisorId.Length == 0 || beat.Host.Length == 0)
            {
                throw new ApiException(400, "invalid heartbeat", "A heartbeat needs a supervisorId and a host.");
            }

            tracker.Record(beat);
            return new TopologyOperationResult("heartbeat", beat.SupervisorId, "success");
        })));
    }

    /// <summary>Storm's <c>debug/{enable|disable}/{spct}</c> path segments.</summary>
    private static Runtime.EventLogging.SamplingSetting DebugSetting(string action, string spct) => new(
        action switch
        {
            "enable" => true,
            "disable" => false,
            _ => throw new ApiException(400, "invalid debug", $"The debug action must be 'enable' or 'disable', not '{action}'."),
        },
        double.TryParse(spct, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var pct)
            ? pct
            : throw new ApiException(400, "invalid debug", $"The sampling percentage must be a number between 0 and 100, not '{spct}'."));

    /// <summary>
    /// Gives every 4xx/5xx an <see cref="ApiError"/> body: unknown paths and methods (no endpoint wrote a body),
    /// and failures nothing else caught (a bug: logged here, reported as a 500 with its message).
    /// </summary>
    private static void UseErrorBodies(WebApplication app, DaemonLog log)
    {
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException e) when (!http.Response.HasStarted)
            {
                await ApiErrors.WriteAsync(http, e.StatusCode, "bad request", e.Message);
            }
            catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                log.Error($"{http.Request.Method} {http.Request.Path} failed", e);
                await ApiErrors.WriteAsync(http, 500, "internal error", $"Nimbus failed to handle {http.Request.Method} {http.Request.Path}: {e.GetType().Name}: {e.Message}");
            }

            if (http.Response is { StatusCode: >= 400, HasStarted: false } response && response.ContentLength is null or 0)
            {
                var (error, message) = response.StatusCode switch
                {
                    404 => ("not found", $"No such API call: {http.Request.Method} {http.Request.Path}. See docs/cluster.md for the API."),
                    405 => ("method not allowed", $"{http.Request.Path} does not take {http.Request.Method}."),
                    413 => ("too large", "The request body is larger than Nimbus accepts."),
                    _ => ("bad request", $"Nimbus could not handle {http.Request.Method} {http.Request.Path} (HTTP {response.StatusCode})."),
                };
                await ApiErrors.WriteAsync(http, response.StatusCode, error, message);
            }
        });
    }

    /// <summary>Streams a package to disk, refusing it as soon as more than <paramref name="limit"/> bytes have arrived (whatever Content-Length claimed).</summary>
    private static async Task ReadPackageAsync(HttpContext http, PackageUpload upload, long limit, CancellationToken cancel)
    {
        var tooLarge = new ApiException(413, "package too large", $"The package is larger than {limit} bytes ({Configuration.ClusterKeys.NimbusMaxPackageBytes}).");
        if (http.Request.ContentLength > limit)
        {
            throw tooLarge;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        try
        {
            if (!await upload.CopyFromAsync(http.Request.Body, limit, cancel))
            {
                throw tooLarge;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            throw tooLarge;
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpContext http, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what, string shape, CancellationToken cancel)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(http.Request.Body, type, cancel)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            throw new ApiException(400, $"invalid {what}", $"The body must be {shape}: {e.Message}");
        }
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

    private static async Task<IResult> Authorized(HttpContext http, ApiCredentials credentials, ApiAccess access, Func<Task<IResult>> action)
    {
        var given = http.Request.Headers.Authorization.ToString();
        if (given.Length == 0)
        {
            return ApiErrors.Result(401, "missing token", access switch
            {
                ApiAccess.Write => "This call changes the cluster and needs the API token: set squall.api.token in squall.yaml or pass -c squall.api.token=...",
                ApiAccess.Read => "This call shows a topology's configuration and needs the API token or the read token (squall.api.token or squall.api.read.token).",
                _ => "This call is for supervisors and needs squall.supervisor.token.",
            });
        }

        return credentials.Allows(access, given)
            ? await action()
            : ApiErrors.Result(403, "invalid token", access switch
            {
                ApiAccess.Write => "The token is not this cluster's squall.api.token (a read or supervisor token cannot change the cluster).",
                ApiAccess.Read => "The token is neither this cluster's squall.api.token nor its squall.api.read.token.",
                _ => "The token is not this cluster's squall.supervisor.token (a client token cannot act as a supervisor).",
            });
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
            return ApiErrors.Result(e.Status, e.Error, e.Message);
        }
        catch (ZooKeeperException e)
        {
            return ApiErrors.Result(503, "zookeeper unavailable", $"Nimbus could not reach ZooKeeper: {e.Message}");
        }
    }
}
