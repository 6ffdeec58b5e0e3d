using System.Net;
using System.Text;
using System.Text.Json;

namespace RollingTopWords;

/// <summary>
/// A small web page with the live ranking, pushed by server-sent events: <c>GET /</c> is the page, <c>GET /events</c> an
/// <c>text/event-stream</c> that sends the current ranking at once and then every new one. Listens on 127.0.0.1 only.
/// </summary>
public sealed class RankingServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly RankingBoard _board;
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _streams = [];
    private Task? _accepting;

    public RankingServer(RankingBoard board, int port)
    {
        _board = board;
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }

        Task[] streams;
        lock (_streams)
        {
            streams = [.. _streams];
        }

        await Task.WhenAll(streams).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            var task = ServeAsync(context);
            lock (_streams)
            {
                _streams.RemoveAll(t => t.IsCompleted);
                _streams.Add(task);
            }
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            switch (context.Request.HttpMethod, context.Request.Url?.AbsolutePath)
            {
                case ("GET", "/"):
                    response.ContentType = "text/html; charset=utf-8";
                    await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(RankingPage.Html), _stop.Token).ConfigureAwait(false);
                    break;
                case ("GET", "/events"):
                    await StreamAsync(response).ConfigureAwait(false);
                    break;
                default:
                    response.StatusCode = 404;
                    response.ContentType = "text/plain; charset=utf-8";
                    await response.OutputStream.WriteAsync("Not found: the page is at / and the event stream at /events.\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser went away or the server is stopping.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Already closed.
            }
        }
    }

    private async Task StreamAsync(HttpListenerResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers["Cache-Control"] = "no-cache";
        response.SendChunked = true;
        var output = response.OutputStream;
        while (!_stop.IsCancellationRequested)
        {
            var changed = _board.Changed;
            var payload = JsonSerializer.Serialize(_board.Current, Json);
            await output.WriteAsync(Encoding.UTF8.GetBytes($"event: ranking\ndata: {payload}\n\n"), _stop.Token).ConfigureAwait(false);
            await output.FlushAsync(_stop.Token).ConfigureAwait(false);
            await changed.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
    }
}
