using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace Squall.Wire.Transport;

public sealed partial class PeerConnection
{
    private ulong _acked;

    private async Task RunAsync()
    {
        var attempt = 0;
        var stopping = _stopping.Token;
        var target = _target;
        while (!stopping.IsCancellationRequested)
        {
            var established = false;
            Exception error;
            Socket? socket = null;
            if (_target != target)
            {
                (target, attempt) = (_target, 0); // a new address deserves a prompt first try
            }

            // Retarget cancels this attempt (a connection to the old address, or the wait before the next try).
            using var current = CancellationTokenSource.CreateLinkedTokenSource(stopping, _retargeted.Token);
            try
            {
                socket = SocketTuning.Apply(new Socket(SocketType.Stream, ProtocolType.Tcp));
                var (reader, writer, held) = await ConnectAsync(socket, target, current.Token);
                established = true;
                attempt = 0;
                _acked = 0;
                _connected = true;
                SetHeld(held);
                Connected?.Invoke(this, EventArgs.Empty);
                error = await PumpAsync(reader, writer, current.Token);
                await reader.CompleteAsync();
                await writer.CompleteAsync();
            }
            catch (Exception ex)
            {
                error = ex;
            }
            finally
            {
                socket?.Dispose();
            }

            if (established)
            {
                _connected = false;
                SetHeld(false);
                ReturnFrames(error);
            }

            if (stopping.IsCancellationRequested)
            {
                return;
            }

            Disconnected?.Invoke(this, error);
            await DelayBeforeReconnectAsync(attempt++, current.Token);
        }
    }

    private async Task<(PipeReader Reader, PipeWriter Writer, bool Held)> ConnectAsync(Socket socket, Target target, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _options.TimeProvider);
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            await socket.ConnectAsync(target.Host, target.Port, connecting.Token);
            var stream = new NetworkStream(socket, ownsSocket: true);
            var reader = PipeReader.Create(stream);
            var writer = PipeWriter.Create(stream);
            var held = await HandshakeAsync(reader, writer, connecting.Token);
            return (reader, writer, held);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            throw new TimeoutException($"Connecting to {target.Host}:{target.Port} took longer than {_options.ConnectTimeout}.");
        }
    }

    /// <summary>Sends Hello and waits for Welcome; returns the initial hold state.</summary>
    private async Task<bool> HandshakeAsync(PipeReader reader, PipeWriter writer, CancellationToken cancellation)
    {
        Handshake.WriteHello(writer, _options.TopologyId, _options.Secret.Span, _options.PeerName, _options.Epoch);
        await writer.FlushAsync(cancellation);
        while (true)
        {
            var result = await reader.ReadAsync(cancellation);
            var buffer = result.Buffer;
            if (FrameCodec.TryRead(ref buffer, Handshake.MaxHelloFrameSize, out var type, out var payload))
            {
                var held = type switch
                {
                    FrameType.Welcome => Handshake.ReadWelcome(payload.ToArray()),
                    FrameType.Refuse => throw Refused(payload),
                    _ => throw new WireProtocolException($"Expected a handshake answer, got frame type {type}."),
                };
                reader.AdvanceTo(buffer.Start);
                return held;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new WireProtocolException("Server closed the connection during the handshake.");
            }
        }
    }

    /// <summary>Runs the send and receive loops until either ends; returns why the connection ended.</summary>
    private async Task<Exception> PumpAsync(PipeReader reader, PipeWriter writer, CancellationToken stopping)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var send = SendLoopAsync(writer, connection.Token);
        var receive = ReceiveLoopAsync(reader, connection.Token);
        var first = await Task.WhenAny(send, receive);
        await connection.CancelAsync();
        try
        {
            await Task.WhenAll(send, receive);
        }
        catch (Exception) when (first.IsFaulted || first.IsCanceled)
        {
            // Reported below from the loop that ended first; the other one was only cancelled.
        }
        catch (OperationCanceledException)
        {
        }

        return first.Exception?.InnerException
            ?? (stopping.IsCancellationRequested
                ? new ObjectDisposedException(nameof(PeerConnection))
                : new IOException("The peer closed the connection."));
    }

    private async Task SendLoopAsync(PipeWriter writer, CancellationToken cancellation)
    {
        var frames = _queue.Reader;
        while (await frames.WaitToReadAsync(cancellation))
        {
            // Drain a bounded batch, then flush once: one syscall per batch instead of per frame.
            for (var n = 0; n < _options.MaxBatchFrames && frames.TryRead(out var frame); n++)
            {
                lock (_inFlight)
                {
                    _inFlight.Enqueue(frame);
                }

                FrameCodec.Write(writer, frame.Type, frame.Payload.Span);
            }

            var flushed = await writer.FlushAsync(cancellation);
            if (flushed.IsCompleted)
            {
                return;
            }
        }
    }

    private async Task ReceiveLoopAsync(PipeReader reader, CancellationToken cancellation)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellation);
            var buffer = result.Buffer;
            try
            {
                while (FrameCodec.TryRead(ref buffer, Handshake.MaxHelloFrameSize, out var type, out var payload))
                {
                    OnControlFrame(type, payload);
                }
            }
            finally
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
            }

            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private void OnControlFrame(byte type, in ReadOnlySequence<byte> payload)
    {
        switch (type)
        {
            case FrameType.Ack: Acknowledge(ControlFrames.ReadAck(payload)); break;
            case FrameType.Hold: SetHeld(true); break;
            case FrameType.Resume: SetHeld(false); break;
            case FrameType.Refuse: throw Refused(payload);
            default: throw new WireProtocolException($"Unexpected frame type {type} from the server.");
        }
    }

    private void Acknowledge(ulong delivered)
    {
        while (_acked < delivered)
        {
            OutboundFrame frame;
            lock (_inFlight)
            {
                if (!_inFlight.TryDequeue(out frame))
                {
                    throw new WireProtocolException($"Server acknowledged {delivered} frames; only {_acked} were sent.");
                }
            }

            _acked++;
            FrameDelivered?.Invoke(this, frame);
        }
    }

    private void ReturnFrames(Exception reason)
    {
        var frames = new List<OutboundFrame>();
        lock (_inFlight)
        {
            frames.AddRange(_inFlight);
            _inFlight.Clear();
        }

        while (_queue.Reader.TryRead(out var frame))
        {
            frames.Add(frame);
        }

        if (frames.Count > 0)
        {
            FramesReturned?.Invoke(this, new FramesReturnedEventArgs(frames, reason));
        }
    }

    private void SetHeld(bool held)
    {
        if (_held != held)
        {
            _held = held;
            HoldChanged?.Invoke(this, held);
        }
    }

    private async Task DelayBeforeReconnectAsync(int attempt, CancellationToken stopping)
    {
        // In doubles so that a long initial delay cannot overflow when doubled. The ±20% jitter keeps
        // the peers of a restarted worker from reconnecting in lockstep.
        var ticks = Math.Min(_options.MaxReconnectDelay.Ticks, _options.InitialReconnectDelay.Ticks * Math.Pow(2, Math.Min(attempt, 62)));
        ticks *= 0.8 + (0.4 * Random.Shared.NextDouble());
        try
        {
            await Task.Delay(TimeSpan.FromTicks((long)ticks), _options.TimeProvider, stopping);
        }
        catch (OperationCanceledException)
        {
            // Disposed or retargeted while waiting.
        }
    }

    private static WireProtocolException Refused(in ReadOnlySequence<byte> payload) =>
        new($"Refused by the server: {ControlFrames.ReadRefuse(payload)}") { RefusedByPeer = true };
}
