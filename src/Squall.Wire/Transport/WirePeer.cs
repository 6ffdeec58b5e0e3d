using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Squall.Wire.Transport;

/// <summary>
/// One inbound connection of a <see cref="WireServer"/>: handshake, then frames to the handler, acks
/// back after each read batch, and hold/resume signals on request.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim owns no handle unless AvailableWaitHandle is used; the socket is disposed by the read loop.")]
public sealed partial class WirePeer
{
    private readonly WireServer _server;
    private readonly Socket _socket;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private ulong _delivered;
    private volatile bool _holdRequested;
    private bool _holdSent;

    internal WirePeer(WireServer server, Socket socket)
    {
        _server = server;
        _socket = socket;
        RemoteEndPoint = socket.RemoteEndPoint;
        var stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(stream);
        _writer = PipeWriter.Create(stream);
    }

    /// <summary>The peer's address.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>The name the peer gave in its handshake (empty until authenticated).</summary>
    public string PeerName { get; private set; } = "";

    /// <summary>True once the handshake succeeded.</summary>
    public bool IsAuthenticated { get; private set; }

    /// <summary>True while this peer has been told to hold.</summary>
    public bool IsHeld => _holdRequested;

    /// <summary>
    /// Tells this peer to hold (stop producing) or resume. Idempotent and ordered: only the latest
    /// state is sent, so a quick hold/resume pair cannot arrive reversed. Does not block.
    /// </summary>
    public void SetHold(bool held)
    {
        _holdRequested = held;
        if (IsAuthenticated)
        {
            _ = SendHoldStateAsync();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{PeerName}@{RemoteEndPoint}";

    internal void Abort() => _socket.Dispose();

    private async Task SendHoldStateAsync()
    {
        try
        {
            await _writeGate.WaitAsync();
            try
            {
                var held = _holdRequested;
                if (held != _holdSent)
                {
                    FrameCodec.Write(_writer, held ? FrameType.Hold : FrameType.Resume, []);
                    _holdSent = held;
                    await _writer.FlushAsync();
                }
            }
            finally
            {
                _writeGate.Release();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
            // The connection is closing; its read loop reports why.
        }
    }

    private async ValueTask SendAckAsync(ulong delivered, CancellationToken stopping)
    {
        await _writeGate.WaitAsync(stopping);
        try
        {
            ControlFrames.WriteAck(_writer, delivered);
            await _writer.FlushAsync(stopping);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
