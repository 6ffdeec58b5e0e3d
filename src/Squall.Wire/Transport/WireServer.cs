using System.Net;
using System.Net.Sockets;

namespace Squall.Wire.Transport;

/// <summary>
/// Accepts worker connections on one port, authenticates them (topology id + secret), and hands their
/// frames to an <see cref="IFrameHandler"/>. A misbehaving peer (garbage, wrong secret, oversized
/// frame) is told why and disconnected; the others are not affected.
/// </summary>
public sealed class WireServer : IAsyncDisposable
{
    private const int MaxRefusedAddresses = 1024;

    private readonly IFrameHandler _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<WirePeer> _peers = [];
    private readonly List<Task> _connections = [];
    private readonly HashSet<IPAddress> _refusedAddresses = [];
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private bool _holdAll;

    /// <summary>Creates a server; call <see cref="Start"/> to listen.</summary>
    public WireServer(WireServerOptions options, IFrameHandler handler)
    {
        WireOptionsValidator.Validate(options);
        Options = options;
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    /// <summary>The options in force.</summary>
    public WireServerOptions Options { get; }

    /// <summary>Where the server listens (with the actual port when <see cref="WireServerOptions.Port"/> was 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener?.LocalEndPoint ?? throw new InvalidOperationException("Server not started."));

    /// <summary>Authenticated peers connected now.</summary>
    public IReadOnlyList<WirePeer> Peers
    {
        get
        {
            lock (_gate)
            {
                return [.. _peers];
            }
        }
    }

    /// <summary>Binds and starts accepting. Throws <see cref="SocketException"/> if the port is taken.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (_listener is not null)
        {
            throw new InvalidOperationException("Server already started.");
        }

        var listener = new Socket(Options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // A restarted worker must get its port back while old connections sit in TIME_WAIT.
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(Options.Address, Options.Port));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener);
    }

    /// <summary>Tells every connected peer, and every peer that connects later, to hold or resume.</summary>
    public void SetHoldAll(bool held)
    {
        WirePeer[] peers;
        lock (_gate)
        {
            _holdAll = held;
            peers = [.. _peers];
        }

        foreach (var peer in peers)
        {
            peer.SetHold(held);
        }
    }

    /// <summary>Stops listening, closes every connection and waits for their loops to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener?.Dispose();
        Task[] connections;
        lock (_gate)
        {
            foreach (var peer in _peers)
            {
                peer.Abort();
            }

            connections = [.. _connections];
        }

        await _acceptLoop;
        await Task.WhenAll(connections);
        _stopping.Dispose();
    }

    /// <summary>Tells <see cref="WireServerOptions.OnRefused"/> about a refused stranger, once per address (bounded, so many addresses cannot grow it without limit).</summary>
    internal void ReportRefused(WirePeer peer, Exception error)
    {
        if (Options.OnRefused is not { } report)
        {
            return;
        }

        var address = (peer.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        lock (_gate)
        {
            if (_refusedAddresses.Count >= MaxRefusedAddresses || !_refusedAddresses.Add(address))
            {
                return;
            }
        }

        report($"Refused a connection from {address} on port {(_listener?.LocalEndPoint as IPEndPoint)?.Port ?? Options.Port}: {error.Message} (further refusals from {address} are not logged)");
    }

    /// <summary>Adds an authenticated peer; returns the hold state it starts with.</summary>
    internal bool Register(WirePeer peer)
    {
        lock (_gate)
        {
            _peers.Add(peer);
            return _holdAll;
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            WirePeer peer;
            try
            {
                peer = new WirePeer(this, SocketTuning.Apply(socket));
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
            {
                // The peer hung up between accept and setup; nothing to serve.
                socket.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(RunPeerAsync(peer));
            }
        }
    }

    private async Task RunPeerAsync(WirePeer peer)
    {
        await Task.Yield();
        try
        {
            await peer.RunAsync(_handler, _stopping.Token);
        }
        finally
        {
            lock (_gate)
            {
                _peers.Remove(peer);
                _connections.RemoveAll(static t => t.IsCompleted);
            }
        }
    }
}
