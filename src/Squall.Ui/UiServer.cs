using Microsoft.AspNetCore.Builder;
using Squall.Hosting;
using Squall.Ui.Api;
using Squall.Ui.Sources;
using Squall.Ui.Web;

namespace Squall.Ui;

/// <summary>
/// The UI's web server: Storm's REST API, the web pages and the Prometheus endpoint over one source (a local
/// cluster, or Nimbus). Listens on loopback unless <see cref="UiOptions.Host"/> says otherwise.
/// </summary>
internal sealed class UiServer : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly IUiSource _source;

    private UiServer(WebApplication web, IUiSource source, Uri url)
    {
        _web = web;
        _source = source;
        Url = url;
    }

    /// <summary>The address the UI answers on, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url { get; }

    public static async Task<UiServer> StartAsync(IUiSource source, UiOptions options, CancellationToken cancel = default)
    {
        var web = SquallWebHost.CreateBuilder(options.Host, options.Port).Build();
        MapAll(web, source, options);
        return new UiServer(web, source, await SquallWebHost.StartAsync(web, cancel));
    }

    /// <summary>Maps every UI endpoint onto an existing web application (one call, for a host that serves other things too).</summary>
    public static void MapAll(WebApplication web, IUiSource source, UiOptions options)
    {
        StormApi.Map(web, source, options);
        Prometheus.PrometheusExport.Map(web, source);
        StaticFiles.Map(web);
    }

    public async ValueTask DisposeAsync()
    {
        await SquallWebHost.StopAsync(_web);
        (_source as IDisposable)?.Dispose();
    }
}
