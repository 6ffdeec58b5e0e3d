using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        var web = builder.Build();
        MapAll(web, source, options);
        await web.StartAsync(cancel);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UiServer(web, source, new Uri(address.EndsWith('/') ? address : address + "/"));
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
        await _web.StopAsync();
        await _web.DisposeAsync();
        (_source as IDisposable)?.Dispose();
    }
}
