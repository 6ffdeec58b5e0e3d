using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace Squall.Wire.Transport;

public sealed partial class WirePeer
{
    internal async Task RunAsync(IFrameHandler handler, CancellationToken stopping)
    {
        Exception? error = null;
        try
        {
            await HandshakeAsync(stopping);
            handler.OnPeerConnected(this);
            await ReceiveAsync(handler, stopping);
        }
        catch (WireProtocolException ex)
        {
            error = ex;
            await TryRefuseAsync(ex.Message);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Server shutting down.
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            error = ex;
        }
        catch (Exception ex)
        {
            // The handler failed: tell the sender why its frames come back instead of just hanging up.
            error = ex;
            await TryRefuseAsync($"Receiver failed: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            await CompleteQuietlyAsync();
            _socket.Dispose();
        }

        if (!IsAuthenticated && error is not null)
        {
            _server.ReportRefused(this, error);
        }

        handler.OnPeerClosed(this, error);
    }

    // Completing the writer flushes into the socket; when the peer reset the connection that throws, and
    // the connection is over either way: what matters is the error already recorded, not this one.
    private async Task CompleteQuietlyAsync()
    {
        await _reader.CompleteAsync();
        try
        {
            await _writer.CompleteAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    private async Task HandshakeAsync(CancellationToken stopping)
    {
        var options = _server.Options;
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new WireProtocolException($"No handshake within {options.HandshakeTimeout}.");
            }

            var buffer = result.Buffer;
            if (FrameCodec.TryRead(ref buffer, Handshake.MaxHelloFrameSize, out var type, out var payload))
            {
                if (type != FrameType.Hello)
                {
                    throw new WireProtocolException($"Expected a handshake, got frame type {type}.");
                }

                PeerName = Handshake.CheckHello(payload.ToArray(), options.TopologyId, options.Secret.Span, options.EpochOf);
                _reader.AdvanceTo(buffer.Start);
                break;
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new WireProtocolException("Connection closed during the handshake.");
            }
        }

        await _writeGate.WaitAsync(stopping);
        try
        {
            // Registered before the hold state is read, so a concurrent SetHoldAll reaches this peer.
            _holdRequested = _server.Register(this);
            _holdSent = _holdRequested;
            IsAuthenticated = true;
            Handshake.WriteWelcome(_writer, _holdSent);
            await _writer.FlushAsync(stopping);
        }
        finally
        {
            _writeGate.Release();
        }

        // A hold requested while the welcome was being written goes out now.
        SetHold(_holdRequested);
    }

    private async Task ReceiveAsync(IFrameHandler handler, CancellationToken stopping)
    {
        var maxFrameSize = _server.Options.MaxFrameSize;
        while (true)
        {
            var result = await _reader.ReadAsync(stopping);
            var buffer = result.Buffer;
            var before = _delivered;
            try
            {
                while (FrameCodec.TryRead(ref buffer, maxFrameSize, out var type, out var payload))
                {
                    if (type < FrameType.FirstApplication)
                    {
                        throw new WireProtocolException($"Unexpected control frame type {type} from a client.");
                    }

                    Deliver(handler, type, payload);
                    _delivered++;
                }
            }
            finally
            {
                _reader.AdvanceTo(buffer.Start, buffer.End);
            }

            if (_delivered != before)
            {
                await SendAckAsync(_delivered, stopping);
            }

            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty)
                {
                    throw new WireProtocolException($"Connection closed inside a frame ({buffer.Length} bytes left over).");
                }

                return;
            }
        }
    }

    private void Deliver(IFrameHandler handler, byte type, in ReadOnlySequence<byte> payload)
    {
        if (payload.IsSingleSegment)
        {
            handler.OnFrame(this, type, payload.FirstSpan);
            return;
        }

        // Frames spanning pipe segments are copied once into a pooled array for the handler.
        var length = (int)payload.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            payload.CopyTo(rented);
            handler.OnFrame(this, type, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private async Task TryRefuseAsync(string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1), _server.Options.TimeProvider);
            await _writeGate.WaitAsync(timeout.Token);
            try
            {
                ControlFrames.WriteRefuse(_writer, reason);
                await _writer.FlushAsync(timeout.Token);
            }
            finally
            {
                _writeGate.Release();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Best effort: the peer may already be gone.
        }
    }
}
