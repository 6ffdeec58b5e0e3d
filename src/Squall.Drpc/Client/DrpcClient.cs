using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Squall.Drpc.Invocations;
using Squall.Drpc.Server;

namespace Squall.Drpc;

/// <summary>
/// Calls DRPC functions on a <c>squall drpc</c> server over its HTTP API (Storm's <c>DRPCClient</c>).
/// Thread-safe; keep one per server and share it. A failure, timeout, unserved function or lost connection
/// throws <see cref="DrpcException"/> whose <see cref="DrpcException.Kind"/> says which.
/// </summary>
public sealed class DrpcClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client of the server at <paramref name="host"/>:<paramref name="port"/> (its <c>drpc.http.port</c>).</summary>
    public DrpcClient(string host = "127.0.0.1", int port = 3774, TimeSpan? timeout = null)
    {
        Host = host;
        Port = port;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}/"),
            // The server answers every call within drpc.request.timeout.secs; this bounds only a hung server.
            Timeout = timeout ?? Timeout.InfiniteTimeSpan,
        };
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>Calls <paramref name="function"/> with <paramref name="args"/> and blocks for the result (Storm's <c>execute</c>).</summary>
    public string Execute(string function, string args) => ExecuteAsync(function, args).GetAwaiter().GetResult();

    /// <summary>Calls <paramref name="function"/> with <paramref name="args"/> (POST /drpc/{function}).</summary>
    public async Task<string> ExecuteAsync(string function, string args, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentNullException.ThrowIfNull(args);
        HttpResponseMessage response;
        try
        {
            using var content = new StringContent(args, Encoding.UTF8, "text/plain");
            response = await _http.PostAsync(new Uri("drpc/" + Uri.EscapeDataString(function), UriKind.Relative), content, cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DrpcException(DrpcErrorKind.Unavailable, $"the DRPC server at {Host}:{Port} could not be reached or dropped the connection ({e.Message})", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return body;
            }

            throw ToException(response.StatusCode, body);
        }
    }

    public void Dispose() => _http.Dispose();

    private DrpcException ToException(HttpStatusCode status, string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, DrpcJson.Default.DrpcErrorBody) is { } error)
            {
                return new DrpcException(DrpcHttp.KindOf(error.Error), error.ErrorMessage);
            }
        }
        catch (JsonException)
        {
            // Not a DRPC server's answer: reported below as such.
        }

        return new DrpcException(DrpcErrorKind.Unavailable, $"{Host}:{Port} answered {(int)status} without a DRPC error: {body}");
    }
}
