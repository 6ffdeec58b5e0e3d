using Squall.ZooKeeper.Jute;

namespace Squall.ZooKeeper;

public sealed partial class ZooKeeperClient : IConnectionOwner
{
    // SetWatches frames are capped like ZooKeeper's client does, so a huge watch set never exceeds jute.maxbuffer.
    private const int SetWatchesChunkBytes = 128 * 1024;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    private long _sessionId;
    private byte[] _password = new byte[16];
    private long _lastZxid;
    private int _negotiatedTimeoutMs;
    private int _xid;

    int IConnectionOwner.NextXid()
    {
        // Only the one live connection's writer asks, so no race; skip the reserved negative xids on wrap-around.
        var xid = Interlocked.Increment(ref _xid);
        if (xid <= 0)
        {
            xid = 1;
            Volatile.Write(ref _xid, xid);
        }

        return xid;
    }

    void IConnectionOwner.OnReply(PendingRequest request, ReplyHeader header, ReadOnlySpan<byte> body)
    {
        if (header.Zxid > 0)
        {
            Interlocked.Exchange(ref _lastZxid, header.Zxid);
        }

        // Registered before the caller sees the reply, and on the reader, so no later notification can be missed.
        if (request.Watch is { } watch)
        {
            _watches.Register(watch, header.Error);
        }

        request.Complete(header.Error, body);
    }

    void IConnectionOwner.OnNotification(WatcherEventRecord notification)
    {
        if (notification.Type == EventType.None || notification.Path is null)
        {
            return; // state notifications are produced by this client itself
        }

        var path = _connectionString.ToClientPath(notification.Path);
        var watchedEvent = new WatchedEvent(notification.Type, ConnectionState.Connected, path);
        foreach (var watcher in _watches.Trigger(notification.Type, path))
        {
            _events.Post(() => watcher(watchedEvent));
        }
    }

    private async Task RunSessionAsync()
    {
        var cancellationToken = _shutdown.Token;
        var servers = _connectionString.Servers.OrderBy(_ => Random.Shared.Next()).ToArray();
        var next = 0;
        var failuresInARow = 0;
        while (!cancellationToken.IsCancellationRequested && Volatile.Read(ref _closing) == 0)
        {
            var (host, port) = servers[next++ % servers.Length];
            try
            {
                var started = _time.GetTimestamp();
                if (!await RunConnectionAsync(host, port, servers.Length, cancellationToken))
                {
                    return; // the session expired
                }

                // A server that drops us right after the handshake counts as refusing, so we back off from it too.
                failuresInARow = _time.GetElapsedTime(started) < SessionTimeout / 3 ? failuresInARow + 1 : 0;
            }
#pragma warning disable CA1031 // Whatever broke this connection, the session lives on: try the next server.
            catch (Exception)
#pragma warning restore CA1031
            {
                failuresInARow++;
            }

            if (Volatile.Read(ref _closing) == 1)
            {
                return; // closing: the server dropped us after closeSession, which is no disconnection to report
            }

            SetState(ConnectionState.Disconnected);
            if (failuresInARow >= servers.Length && !cancellationToken.IsCancellationRequested)
            {
                // Every server refused: back off (capped) rather than spin against a dead ensemble.
                var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 50 * failuresInARow));
                try
                {
                    await Task.Delay(backoff, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One connection's life. Returns false if the server declared the session expired.</summary>
    private async Task<bool> RunConnectionAsync(string host, int port, int serverCount, CancellationToken cancellationToken)
    {
        var requested = Volatile.Read(ref _negotiatedTimeoutMs) is > 0 and var negotiated
            ? TimeSpan.FromMilliseconds(negotiated)
            : _options.SessionTimeout;
        var connectTimeout = requested / serverCount;
        await using var connection = await Connection.OpenAsync(host, port, connectTimeout, _time, cancellationToken);
        var request = new ConnectRequest(Interlocked.Read(ref _lastZxid), (int)_options.SessionTimeout.TotalMilliseconds, SessionId, _password);
        var response = await connection.HandshakeAsync(request, connectTimeout, cancellationToken);
        if (response.IsExpired)
        {
            if (Volatile.Read(ref _closing) == 0)
            {
                Terminate(ConnectionState.Expired);
            }

            return false;
        }

        Interlocked.Exchange(ref _sessionId, response.SessionId);
        _password = response.Password;
        Volatile.Write(ref _negotiatedTimeoutMs, response.TimeoutMs);
        var setWatches = BuildSetWatches();
        SetState(ConnectionState.Connected);
        _firstSession.TrySetResult();
        var auth = _options.Auth.Select(Requests.Auth).ToList();
        await connection.RunAsync(this, TimeSpan.FromMilliseconds(response.TimeoutMs), auth, setWatches, _outgoing.Reader, cancellationToken);
        return true;
    }

    private List<byte[]> BuildSetWatches()
    {
        var (data, exist, child) = _watches.Paths();
        return Requests.SetWatchesChunks(
            Interlocked.Read(ref _lastZxid),
            [.. data.Select(_connectionString.ToServerPath)],
            [.. exist.Select(_connectionString.ToServerPath)],
            [.. child.Select(_connectionString.ToServerPath)],
            SetWatchesChunkBytes);
    }
}
