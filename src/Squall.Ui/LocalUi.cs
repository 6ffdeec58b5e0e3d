using System.Security.Cryptography;
using Squall.Runtime;
using Squall.Ui.Sources;

namespace Squall.Ui;

/// <summary>
/// Storm's UI for a <see cref="LocalCluster"/>: the web pages, Storm's REST API and <c>/metrics</c> for the
/// topologies running in this process. Listens on loopback; actions (deactivate, kill, ...) need
/// <see cref="Token"/>, which the page asks for once.
/// </summary>
public sealed class LocalUi : IAsyncDisposable
{
    private readonly UiServer _server;

    private LocalUi(UiServer server, string token)
    {
        _server = server;
        Token = token;
    }

    /// <summary>Where the UI answers, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url => _server.Url;

    /// <summary>The API token write actions need (<c>Authorization: Bearer {token}</c>).</summary>
    public string Token { get; }

    /// <summary>Starts the UI for <paramref name="cluster"/> on <paramref name="port"/> (0 picks a free one).</summary>
    /// <param name="cluster">The local cluster to show.</param>
    /// <param name="port">The port; Storm's UI default is 8080.</param>
    /// <param name="host">The address to bind; loopback unless given.</param>
    /// <param name="token">The API token; a random one when null.</param>
    public static async Task<LocalUi> StartAsync(LocalCluster cluster, int port = UiOptions.DefaultPort, string host = "127.0.0.1", string? token = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var options = new UiOptions { Host = host, Port = port };
        var server = await UiServer.StartAsync(new LocalSource(cluster, token, options.Time), options).ConfigureAwait(false);
        return new LocalUi(server, token);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
