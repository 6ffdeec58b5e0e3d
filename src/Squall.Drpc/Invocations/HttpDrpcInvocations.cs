using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Squall.Drpc.Invocations;

/// <summary>
/// The invocations API of one <c>squall drpc</c> server over HTTP/1.1 keep-alive:
/// <c>GET /invocations/{function}?max=N&amp;waitMs=M</c> (long poll; a JSON array of <c>{id, args}</c>) and
/// <c>POST /invocations/results</c> (a JSON array of <c>{id, result}</c> or <c>{id, error}</c>), both with
/// <c>Authorization: Bearer drpc.invocations.token</c>.
/// </summary>
internal sealed class HttpDrpcInvocations : IDrpcInvocations
{
    private readonly HttpClient _http;

    public HttpDrpcInvocations(DrpcServerAddress server, string? token)
    {
        Server = server;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = new Uri($"http://{server}/"),
            // The long poll answers within its wait; this only bounds a server that hangs.
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public DrpcServerAddress Server { get; }

    public async Task<IReadOnlyList<DrpcInvocation>> FetchAsync(string function, int max, TimeSpan wait, CancellationToken cancel)
    {
        var uri = new Uri(
            $"invocations/{Uri.EscapeDataString(function)}?max={max.ToString(CultureInfo.InvariantCulture)}&waitMs={((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}",
            UriKind.Relative);
        using var response = await _http.GetAsync(uri, cancel).ConfigureAwait(false);
        await EnsureSuccess(response, cancel).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(DrpcJson.Default.ListDrpcInvocation, cancel).ConfigureAwait(false) ?? [];
    }

    public async Task ReturnAsync(IReadOnlyList<DrpcReturn> returns, CancellationToken cancel)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("invocations/results", UriKind.Relative), returns as List<DrpcReturn> ?? [.. returns], DrpcJson.Default.ListDrpcReturn, cancel).ConfigureAwait(false);
        await EnsureSuccess(response, cancel).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task EnsureSuccess(HttpResponseMessage response, CancellationToken cancel)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
            throw new DrpcException(DrpcErrorKind.Unavailable, $"DRPC server {Server} answered {(int)response.StatusCode}: {body}");
        }
    }
}
