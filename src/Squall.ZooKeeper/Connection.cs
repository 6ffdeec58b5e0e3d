using System.Buffers.Binary;
using System.Net.Sockets;
using System.Threading.Channels;
using Squall.ZooKeeper.Jute;

namespace Squall.ZooKeeper;

/// <summary>
/// One TCP connection to one server: length-prefixed frames, a writer draining the session's request
/// queue, a reader matching replies to requests by xid, and a pinger that also detects a silent server.
/// The session outlives it; when any loop ends, every unanswered request fails with connection loss.
/// </summary>
internal sealed class Connection : IAsyncDisposable
{
    private const int MaxFrame = 16 * 1024 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PendingRequest> _inFlight = [];
    private bool _closed;
    private long _lastReceived;

    private Connection(Socket socket, TimeProvider time)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _time = time;
        _lastReceived = time.GetTimestamp();
    }

    public static async Task<Connection> OpenAsync(string host, int port, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeoutSource = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
            await socket.ConnectAsync(host, port, linked.Token);
            return new Connection(socket, time);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<ConnectResponse> HandshakeAsync(ConnectRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var writer = new JuteWriter();
        writer.WriteInt(0);
        request.Write(writer);
        var frame = writer.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
        await _stream.WriteAsync(frame, linked.Token);
        var reply = await ReadFrameAsync(linked.Token);
        var reader = new JuteReader(reply);
        return ConnectResponse.Read(ref reader);
    }

    /// <summary>Runs until the connection fails or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(
        IConnectionOwner owner,
        TimeSpan sessionTimeout,
        IReadOnlyList<byte[]> auth,
        IReadOnlyList<byte[]> setWatches,
        ChannelReader<PendingRequest> outgoing,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = new[]
        {
            ReadLoopAsync(owner, stop.Token),
            WriteLoopAsync(owner, auth, setWatches, outgoing, stop.Token),
            PingLoopAsync(sessionTimeout, stop.Token),
        };
        try
        {
            await Task.WhenAny(loops);
        }
        finally
        {
            await stop.CancelAsync();
            _socket.Close();
            FailInFlight();
            await Task.WhenAll(loops).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    public ValueTask DisposeAsync()
    {
        FailInFlight();
        _writeLock.Dispose();
        return _stream.DisposeAsync();
    }

    private async Task ReadLoopAsync(IConnectionOwner owner, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var frame = await ReadFrameAsync(cancellationToken);
            Volatile.Write(ref _lastReceived, _time.GetTimestamp());
            Dispatch(owner, frame);
        }
    }

    private void Dispatch(IConnectionOwner owner, byte[] frame)
    {
        var reader = new JuteReader(frame);
        var header = ReplyHeader.Read(ref reader);
        var body = frame.AsSpan(frame.Length - reader.Remaining);
        switch (header.Xid)
        {
            case SpecialXid.Notification:
                owner.OnNotification(WatcherEventRecord.Read(ref reader));
                return;
            case SpecialXid.Auth when header.Error != ErrorCode.Ok:
                // The server refused a credential and closes the connection: end it here with the reason.
                throw new IOException($"The ZooKeeper server refused this client's credentials ({header.Error}).");
            case SpecialXid.Ping:
            case SpecialXid.SetWatches:
            case SpecialXid.Auth:
                return;
        }

        PendingRequest? request;
        lock (_gate)
        {
            _inFlight.Remove(header.Xid, out request);
        }

        if (request is null)
        {
            throw new InvalidDataException($"Reply for unknown xid {header.Xid}.");
        }

        owner.OnReply(request, header, body);
    }

    private async Task WriteLoopAsync(IConnectionOwner owner, IReadOnlyList<byte[]> auth, IReadOnlyList<byte[]> setWatches, ChannelReader<PendingRequest> outgoing, CancellationToken cancellationToken)
    {
        var writer = new JuteWriter(4096);
        foreach (var body in auth)
        {
            // First of all, on every connection: the server applies credentials as they arrive, so every later request carries them.
            AppendFrame(writer, SpecialXid.Auth, OpCode.Auth, body);
        }

        foreach (var body in setWatches)
        {
            // Before any queued request, so no change between the old connection and the new one is missed.
            AppendFrame(writer, SpecialXid.SetWatches, OpCode.SetWatches, body);
        }

        await FlushAsync(writer, cancellationToken);
        while (await outgoing.WaitToReadAsync(cancellationToken))
        {
            while (writer.Length < 64 * 1024 && outgoing.TryRead(out var request))
            {
                if (request.IsCompleted)
                {
                    continue; // cancelled by its caller before it was sent
                }

                request.Xid = owner.NextXid();
                if (!Track(request))
                {
                    request.Fail(new ConnectionLossException());
                    continue;
                }

                AppendFrame(writer, request.Xid, request.Op, request.Body);
            }

            await FlushAsync(writer, cancellationToken);
        }
    }

    private async Task PingLoopAsync(TimeSpan sessionTimeout, CancellationToken cancellationToken)
    {
        // As ZooKeeper's own client: ping at a third of the timeout, give up on a server silent for two thirds.
        var interval = sessionTimeout / 3;
        var readTimeout = sessionTimeout * 2 / 3;
        var ping = new JuteWriter(16);
        while (true)
        {
            await Task.Delay(interval, _time, cancellationToken);
            if (_time.GetElapsedTime(Volatile.Read(ref _lastReceived)) > readTimeout)
            {
                throw new TimeoutException($"No reply from the server for {readTimeout}.");
            }

            AppendFrame(ping, SpecialXid.Ping, OpCode.Ping, []);
            await FlushAsync(ping, cancellationToken);
        }
    }

    private static void AppendFrame(JuteWriter writer, int xid, OpCode op, ReadOnlySpan<byte> body)
    {
        writer.WriteInt(8 + body.Length);
        writer.WriteInt(xid);
        writer.WriteInt((int)op);
        writer.WriteRaw(body);
    }

    private async Task FlushAsync(JuteWriter writer, CancellationToken cancellationToken)
    {
        if (writer.Length == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(writer.WrittenMemory, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
            writer.Reset();
        }
    }

    private async Task<byte[]> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var lengthBytes = new byte[4];
        await _stream.ReadExactlyAsync(lengthBytes, cancellationToken);
        var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
        if (length is < 0 or > MaxFrame)
        {
            throw new InvalidDataException($"Frame length {length} is out of range.");
        }

        var frame = new byte[length];
        await _stream.ReadExactlyAsync(frame, cancellationToken);
        return frame;
    }

    private bool Track(PendingRequest request)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _inFlight.Add(request.Xid, request);
            return true;
        }
    }

    private void FailInFlight()
    {
        List<PendingRequest> failed;
        lock (_gate)
        {
            _closed = true;
            failed = [.. _inFlight.Values];
            _inFlight.Clear();
        }

        foreach (var request in failed)
        {
            request.Fail(new ConnectionLossException());
        }
    }
}
