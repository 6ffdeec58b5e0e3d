using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Squall.Drpc.Invocations;
using Squall.Hosting;

namespace Squall.Drpc.Server;

/// <summary>
/// <c>squall drpc</c>: a DRPC server. Two Kestrel listeners share one <see cref="DrpcEngine"/>:
/// <list type="bullet">
/// <item><c>drpc.http.port</c> (3774), for clients, as Storm's HTTP DRPC: <c>POST /drpc/{function}</c> (body =
/// argument) and <c>GET /drpc/{function}/{args}</c> answer 200 with the result as text, or an error status
/// with <c>{"error", "errorMessage"}</c>.</item>
/// <item><c>drpc.invocations.port</c> (3773), for topologies (see <see cref="HttpDrpcInvocations"/>), with a
/// bearer token.</item>
/// </list>
/// Both listen on loopback unless <c>squall.bind.host</c> says otherwise.
/// </summary>
internal sealed partial class DrpcServer : IAsyncDisposable
{
    /// <summary>The largest argument a client may send.</summary>
    public const int MaxArgumentBytes = 4 * 1024 * 1024;

    private const string ClientHint = "call POST /drpc/{function} (body: the argument) or GET /drpc/{function}/{argument}";
    private const string InvocationsHint = "topologies call GET /invocations/{function} and POST /invocations/results";

    private readonly WebApplication _clients;
    private readonly WebApplication _invocations;
    private readonly Action<string> _log;

    private DrpcServer(DrpcEngine engine, WebApplication clients, WebApplication invocations, Action<string> log)
    {
        Engine = engine;
        _clients = clients;
        _invocations = invocations;
        _log = log;
    }

    public DrpcEngine Engine { get; }

    public int HttpPort { get; private set; }

    public int InvocationsPort { get; private set; }

    /// <summary>Completes if the server stops on its own.</summary>
    public Task Fatal => Task.WhenAny(_clients.WaitForShutdownAsync(), _invocations.WaitForShutdownAsync());

    public static async Task<DrpcServer> StartAsync(DrpcOptions options, Action<string>? log = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        if (options.InvocationsToken is null)
        {
            throw new InvalidOperationException(
                $"{DrpcKeys.InvocationsToken} is not set: the DRPC server needs a secret that topologies present to fetch requests and return results. Set it in squall.yaml (the same file you submit topologies from) or with -c {DrpcKeys.InvocationsToken}=...");
        }

        if (!IPAddress.TryParse(options.BindHost, out _))
        {
            throw new InvalidOperationException($"{DrpcKeys.BindHost} must be an IP address, but is '{options.BindHost}'.");
        }

        var write = log ?? (_ => { });
        var engine = new DrpcEngine(new DrpcTimeouts(options.RequestTimeout, options.FunctionIdle), options.Time);
        var clients = SquallWebHost.CreateBuilder(options.BindHost, options.HttpPort, maxRequestBodySize: MaxArgumentBytes).Build();
        var invocations = SquallWebHost.CreateBuilder(options.BindHost, options.InvocationsPort, maxRequestBodySize: MaxArgumentBytes).Build();
        var server = new DrpcServer(engine, clients, invocations, write);
        server.MapClients(clients);
        server.MapInvocations(invocations, Encoding.UTF8.GetBytes(options.InvocationsToken));
        try
        {
            server.HttpPort = (await SquallWebHost.StartAsync(clients, cancel).ConfigureAwait(false)).Port;
            server.InvocationsPort = (await SquallWebHost.StartAsync(invocations, cancel).ConfigureAwait(false)).Port;
        }
        catch (IOException e)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"the DRPC server cannot listen on {options.BindHost}:{options.HttpPort} and :{options.InvocationsPort} ({e.Message}); is another server running there? Move it with -c {DrpcKeys.HttpPort}=... -c {DrpcKeys.InvocationsPort}=...", e);
        }

        write($"DRPC server listening on {options.BindHost}:{server.HttpPort} (clients) and {options.BindHost}:{server.InvocationsPort} (invocations); requests time out after {options.RequestTimeout.TotalSeconds:0.#} s");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // Answer every caller first (503, server-shutdown), then close the sockets.
        Engine.Dispose();
        foreach (var app in new[] { _clients, _invocations })
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await SquallWebHost.StopAsync(app, grace.Token).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,200}$")]
    private static partial Regex FunctionName();

    private void MapClients(WebApplication app)
    {
        app.UseStatusCodePages(context => DrpcHttp.WriteEmptyStatusAsync(context.HttpContext, ClientHint));
        app.MapPost("/drpc/{function}", async (string function, HttpRequest request, CancellationToken cancel) =>
        {
            string args;
            try
            {
                using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
                args = await reader.ReadToEndAsync(cancel).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return DrpcHttp.Error(StatusCodes.Status413PayloadTooLarge, "too-large", $"the argument is larger than {MaxArgumentBytes} bytes");
            }
            catch (DecoderFallbackException)
            {
                return DrpcHttp.Error(DrpcErrorKind.BadRequest, "the argument (the request body) must be UTF-8 text");
            }

            return await CallAsync(function, args, cancel).ConfigureAwait(false);
        });
        app.MapGet("/drpc/{function}/{*args}", (string function, string? args, CancellationToken cancel) => CallAsync(function, args ?? string.Empty, cancel));
        app.MapGet("/drpc/{function}", (string function, CancellationToken cancel) => CallAsync(function, string.Empty, cancel));
    }

    private async Task<IResult> CallAsync(string function, string args, CancellationToken cancel)
    {
        if (!FunctionName().IsMatch(function))
        {
            return DrpcHttp.Error(DrpcErrorKind.BadRequest, $"'{function}' is not a DRPC function name: use 1 to 200 letters, digits, '.', '_', ':' or '-'");
        }

        try
        {
            return Results.Text(await Engine.ExecuteAsync(function, args, cancel).ConfigureAwait(false), "text/plain; charset=utf-8");
        }
        catch (DrpcException e)
        {
            return DrpcHttp.Error(e.Kind, e.Message);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The caller hung up; nobody reads this answer.
            return Results.Empty;
        }
    }

    private void MapInvocations(WebApplication app, byte[] token)
    {
        app.UseStatusCodePages(context => DrpcHttp.WriteEmptyStatusAsync(context.HttpContext, InvocationsHint));
        app.Use(async (context, next) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(header[7..]) : [];
            if (!CryptographicOperations.FixedTimeEquals(given, token))
            {
                await DrpcHttp.Error(StatusCodes.Status401Unauthorized, "unauthorized", $"the invocations port needs 'Authorization: Bearer <{DrpcKeys.InvocationsToken}>'").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.MapGet("/invocations/{function}", async (string function, int? max, int? waitMs, CancellationToken cancel) =>
        {
            if (max is < 1 or > 10_000 || waitMs is < 0 or > 60_000)
            {
                return DrpcHttp.Error(DrpcErrorKind.BadRequest, "max must be 1 to 10000 and waitMs 0 to 60000");
            }

            try
            {
                var fetched = await Engine.FetchAsync(function, max ?? 100, TimeSpan.FromMilliseconds(waitMs ?? 1000), cancel).ConfigureAwait(false);
                return Results.Json(fetched as List<DrpcInvocation> ?? [.. fetched], DrpcJson.Default.ListDrpcInvocation);
            }
            catch (DrpcException e)
            {
                return DrpcHttp.Error(e.Kind, e.Message);
            }
        });
        app.MapPost("/invocations/results", async (HttpRequest request, CancellationToken cancel) =>
        {
            List<DrpcReturn>? returns;
            try
            {
                returns = await request.ReadFromJsonAsync(DrpcJson.Default.ListDrpcReturn, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or BadHttpRequestException)
            {
                return DrpcHttp.Error(DrpcErrorKind.BadRequest, $"the body must be a JSON array of {{\"id\", \"result\"}} or {{\"id\", \"error\"}} ({e.Message})");
            }

            if (returns is null || returns.Any(r => r is null || string.IsNullOrEmpty(r.Id)))
            {
                return DrpcHttp.Error(DrpcErrorKind.BadRequest, "every entry needs an id");
            }

            var answered = Engine.Return(returns);
            if (answered < returns.Count)
            {
                _log($"{returns.Count - answered} of {returns.Count} results were for requests already answered (timed out, failed, or from before a restart)");
            }

            return Results.Ok();
        });
    }
}
