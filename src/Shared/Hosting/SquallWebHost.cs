using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Squall.Hosting;

/// <summary>
/// The Kestrel set-up every Squall HTTP server shares (Nimbus, the supervisor's logviewer, the UI, DRPC's two
/// ports): a slim host that logs nothing to the console, one listener on host:port, HTTPS when a certificate is
/// given, an optional request body limit, and the address really bound (port 0 picks a free one).
/// </summary>
/// <remarks>
/// Compiled into each server's assembly from <c>src/Shared</c> (DRPC depends on no other Squall project but the
/// API, which must not carry ASP.NET), so there is one copy of the source and no package for it.
/// </remarks>
internal static class SquallWebHost
{
    /// <summary>Where every Squall server listens unless told otherwise: nothing is reachable beyond this machine by default.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>A builder listening on <paramref name="host"/>:<paramref name="port"/>; the caller maps its endpoints and builds it.</summary>
    public static WebApplicationBuilder CreateBuilder(string host, int port, X509Certificate2? certificate = null, long? maxRequestBodySize = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"{(certificate is null ? "http" : "https")}://{UrlHost(host)}:{port}");
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.Services.Configure<KestrelServerOptions>(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        }

        if (maxRequestBodySize is { } limit)
        {
            builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = limit);
        }

        return builder;
    }

    /// <summary>Starts <paramref name="web"/> and returns the address it listens on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public static async Task<Uri> StartAsync(WebApplication web, CancellationToken cancel)
    {
        await web.StartAsync(cancel).ConfigureAwait(false);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>
    /// Stops <paramref name="web"/> (letting requests in flight finish until <paramref name="cancel"/> fires) and
    /// disposes it; one that never started, or did not stop in time, is closed by the disposal.
    /// </summary>
    public static async ValueTask StopAsync(WebApplication web, CancellationToken cancel = default)
    {
        try
        {
            await web.StopAsync(cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Not started, or did not stop in time: disposing closes it.
        }

        await web.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>An IPv6 literal goes in brackets in a URL.</summary>
    private static string UrlHost(string host) =>
        IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : host;
}
