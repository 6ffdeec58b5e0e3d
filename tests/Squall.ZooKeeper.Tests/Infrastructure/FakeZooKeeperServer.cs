using System.Buffers.Binary;
using System.Net.Sockets;
using System.Threading.Channels;
using Squall.ZooKeeper.Jute;

namespace Squall.ZooKeeper.Tests.Infrastructure;

/// <summary>
/// Plays a ZooKeeper server at the protocol level, to check what the client sends and when: it records
/// handshakes and request frames, answers pings (unless told to stay silent), answers get-data and exists
/// for any path, and can drop its connections or declare sessions expired.
/// </summary>
internal sealed class FakeZooKeeperServer : LoopbackListener
{
    public const long Zxid = 5;

    private readonly Channel<ConnectRequest> _handshakes = Channel.CreateUnbounded<ConnectRequest>();
    private readonly Channel<(int Xid, OpCode Op, byte[] Body)> _requests = Channel.CreateUnbounded<(int, OpCode, byte[])>();

    private FakeZooKeeperServer(int timeoutMs)
    {
        TimeoutMs = timeoutMs;
        Listen();
    }

    /// <summary>The session timeout this server grants.</summary>
    public int TimeoutMs { get; }

    public long SessionId { get; } = 42;

    public byte[] Password { get; } = Enumerable.Repeat((byte)7, 16).ToArray();

    /// <summary>When set, the server reads requests and pings but answers none of them.</summary>
    public bool Silent { get; set; }

    public bool ExpireSessions { get; set; }

    public static FakeZooKeeperServer Start(int timeoutMs) => new(timeoutMs);

    public Task<ConnectRequest> NextHandshakeAsync() => _handshakes.Reader.ReadAsync().AsTask().WaitAsync(Wait.Long);

    public Task<(int Xid, OpCode Op, byte[] Body)> NextRequestAsync() => _requests.Reader.ReadAsync().AsTask().WaitAsync(Wait.Long);

    protected override Task OnAcceptedAsync(Socket socket) =>
        TryTrack(static () => false, socket) ? ServeAsync(socket) : Task.CompletedTask;

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            var handshake = Decode(await ReadFrameAsync(stream), ConnectRequest.Read);
            _handshakes.Writer.TryWrite(handshake);
            var expired = ExpireSessions;
            await WriteFrameAsync(stream, w => new ConnectResponse(0, expired ? 0 : TimeoutMs, expired ? 0 : SessionId, Password).Write(w));
            while (true)
            {
                var frame = await ReadFrameAsync(stream);
                var xid = BinaryPrimitives.ReadInt32BigEndian(frame);
                var op = (OpCode)BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(4));
                _requests.Writer.TryWrite((xid, op, frame[8..]));
                if (!Silent)
                {
                    await WriteFrameAsync(stream, w => Answer(w, xid, op));
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client or the test dropped the connection.
        }
    }

    private static void Answer(JuteWriter writer, int xid, OpCode op)
    {
        var ok = op is OpCode.Ping or OpCode.GetData or OpCode.Exists or OpCode.SetWatches;
        new ReplyHeader(xid, op == OpCode.Ping ? 0 : Zxid, ok ? ErrorCode.Ok : ErrorCode.NoNode).Write(writer);
        if (op == OpCode.GetData)
        {
            writer.WriteBuffer([]);
        }

        if (op is OpCode.GetData or OpCode.Exists)
        {
            StatCodec.Write(writer, new Stat(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }
    }

    private delegate T Reader<T>(ref JuteReader reader);

    private static T Decode<T>(byte[] frame, Reader<T> read)
    {
        var reader = new JuteReader(frame);
        return read(ref reader);
    }

    private async Task<byte[]> ReadFrameAsync(NetworkStream stream)
    {
        var length = new byte[4];
        await stream.ReadExactlyAsync(length, Stopping);
        var frame = new byte[BinaryPrimitives.ReadInt32BigEndian(length)];
        await stream.ReadExactlyAsync(frame, Stopping);
        return frame;
    }

    private async Task WriteFrameAsync(NetworkStream stream, Action<JuteWriter> write)
    {
        var body = new JuteWriter();
        write(body);
        var frame = new JuteWriter();
        frame.WriteInt(body.Length);
        frame.WriteRaw(body.WrittenSpan);
        await stream.WriteAsync(frame.WrittenMemory, Stopping);
    }
}
