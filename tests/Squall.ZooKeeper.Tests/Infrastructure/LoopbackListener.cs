using System.Net;
using System.Net.Sockets;

namespace Squall.ZooKeeper.Tests.Infrastructure;

/// <summary>
/// A loopback TCP listener that hands each accepted socket to a subclass and tracks the sockets it is
/// told about, so a test can drop every connection at once (as a crash or a partition would).
/// </summary>
internal abstract class LoopbackListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Socket> _sockets = [];
    private Task _acceptLoop = Task.CompletedTask;

    public string ConnectionString => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    protected CancellationToken Stopping => _stop.Token;

    public void DropConnections()
    {
        lock (_gate)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }

            _sockets.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropConnections();
        await _acceptLoop.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    /// <summary>Called by subclasses once constructed, so no socket reaches a half-built object.</summary>
    protected void Listen()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Tracks sockets for <see cref="DropConnections"/>, unless <paramref name="refuse"/> says to close them.</summary>
    protected bool TryTrack(Func<bool> refuse, params Socket[] sockets)
    {
        lock (_gate)
        {
            if (!refuse())
            {
                _sockets.AddRange(sockets);
                return true;
            }
        }

        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        return false;
    }

    protected abstract Task OnAcceptedAsync(Socket socket);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            _ = OnAcceptedAsync(socket);
        }
    }
}
