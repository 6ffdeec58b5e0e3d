using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Squall.Hosting;

namespace Squall.Cluster.Supervisor;

/// <summary>
/// Storm's logviewer, served by each supervisor for its own slots (<c>logviewer.port</c>, 8000; 0 picks a free
/// port, which the supervisor registers so the UI can link to it): <c>/api/v1/log?file=TOPOLOGY/PORT/worker.log</c>
/// shows the tail of a worker's log as a page, <c>/api/v1/download</c> sends the whole file and
/// <c>/api/v1/search?search-string=</c> returns the matching lines as JSON. Only the slots' own
/// <c>worker.log</c> files can be named: the port in the path picks the slot, nothing else reaches the disk.
/// </summary>
internal sealed class LogViewer : IAsyncDisposable
{
    private const long DefaultTail = 64 * 1024;
    private const int MaxMatches = 500;

    private readonly WebApplication _web;

    private LogViewer(WebApplication web, int port)
    {
        _web = web;
        Port = port;
    }

    public int Port { get; }

    public static async Task<LogViewer> StartAsync(string bindHost, int port, string supervisorDir, IReadOnlyList<int> slots, CancellationToken cancel)
    {
        var web = SquallWebHost.CreateBuilder(bindHost, port).Build();
        string? PathOf(string? file) => Resolve(file, supervisorDir, slots);
        web.MapGet("/api/v1/log", (string? file, long? start, long? length) => PathOf(file) is { } path ? Page(file!, path, start, length) : Unknown(file));
        web.MapGet("/api/v1/download", (string? file) => PathOf(file) is { } path && File.Exists(path)
            ? Results.File(path, "text/plain", file!.Replace('/', '-'), enableRangeProcessing: true)
            : Unknown(file));
        web.MapGet("/api/v1/search", ([Microsoft.AspNetCore.Mvc.FromQuery(Name = "search-string")] string? search, string? file) =>
            PathOf(file) is { } path ? Search(path, search) : Unknown(file));
        return new LogViewer(web, (await SquallWebHost.StartAsync(web, cancel)).Port);
    }

    public ValueTask DisposeAsync() => SquallWebHost.StopAsync(_web);

    /// <summary><c>TOPOLOGY/PORT/worker.log</c> (or <c>PORT/worker.log</c>) → that slot's log, if the port is one of ours.</summary>
    private static string? Resolve(string? file, string supervisorDir, IReadOnlyList<int> slots)
    {
        var parts = (file ?? "").Split('/');
        if (parts.Length < 2 || parts[^1] != "worker.log" || !int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || !slots.Contains(port))
        {
            return null;
        }

        return new SlotFiles(supervisorDir, port).LogPath;
    }

    private static IResult Unknown(string? file) =>
        ApiErrors.Result(404, "unknown log", $"'{file}' is not a worker log of this supervisor (expected TOPOLOGY/PORT/worker.log).");

    private static IResult Page(string file, string path, long? start, long? length)
    {
        var (text, from, size) = Read(path, start, length ?? DefaultTail);
        var name = WebUtility.HtmlEncode(file);
        var query = Uri.EscapeDataString(file);
        var html = $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{name}}</title>
            <style>body{font-family:system-ui,sans-serif;margin:0;background:#f5f7fa;color:#1c2733}header{background:#1f4e79;color:#fff;padding:10px 20px;display:flex;gap:16px;align-items:center}
            header a{color:#cfe3f5}pre{margin:16px 20px;padding:14px;background:#fff;border:1px solid #e3e8ee;border-radius:8px;font-size:12px;white-space:pre-wrap;word-break:break-all}
            form{margin-left:auto}input{padding:4px 8px;border-radius:6px;border:1px solid #cfd8e3}.muted{color:#cfe3f5;font-size:12px}</style></head>
            <body><header><strong>{{name}}</strong><span class="muted">bytes {{from:N0}}–{{size:N0}}</span>
            <a href="/api/v1/download?file={{query}}">download</a>
            <form action="/api/v1/search"><input type="hidden" name="file" value="{{name}}"><input name="search-string" placeholder="search this log"></form></header>
            <pre id="log">{{WebUtility.HtmlEncode(text)}}</pre></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static (string Text, long From, long Size) Read(string path, long? start, long length)
    {
        if (!File.Exists(path))
        {
            return ("(no log yet)", 0, 0);
        }

        // The worker appends while we read: open shared, read a window, decode what is there.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var size = stream.Length;
        var from = Math.Clamp(start ?? size - length, 0, size);
        stream.Position = from;
        var buffer = new byte[Math.Min(length, size - from)];
        stream.ReadExactly(buffer);
        return (Encoding.UTF8.GetString(buffer), from, size);
    }

    private static IResult Search(string path, string? search)
    {
        if (string.IsNullOrEmpty(search))
        {
            return ApiErrors.Result(400, "missing search", "Give search-string=TEXT.");
        }

        var matches = new JsonArray();
        if (File.Exists(path))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var number = 0;
            while (reader.ReadLine() is { } line && matches.Count < MaxMatches)
            {
                number++;
                if (line.Contains(search, StringComparison.Ordinal))
                {
                    matches.Add(new JsonObject { ["lineNumber"] = number, ["matchString"] = line });
                }
            }
        }

        return Results.Text(new JsonObject { ["searchString"] = search, ["matches"] = matches }.ToJsonString(), "application/json");
    }
}
