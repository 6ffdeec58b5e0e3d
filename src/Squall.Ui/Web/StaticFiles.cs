using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Squall.Ui.Web;

/// <summary>Serves the UI's HTML, CSS and JS from resources embedded in this assembly (no files to deploy).</summary>
internal static class StaticFiles
{
    private static readonly Assembly Assembly = typeof(StaticFiles).Assembly;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Serve("index.html"));
        app.MapGet("/index.html", () => Serve("index.html"));
        app.MapGet("/static/{name}", (string name) => Serve(name));
    }

    private static IResult Serve(string name)
    {
        var stream = Assembly.GetManifestResourceStream("wwwroot/" + name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return Results.Stream(stream, type);
    }
}
