using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using Squall.Wire.Transport;

namespace Squall.Wire.Tests.Support;

/// <summary>A hand-driven TCP peer for sending what a well-behaved client never would.</summary>
internal sealed class RawPeer : IDisposable
{
    private readonly TcpClient _client;

    private RawPeer(TcpClient client)
    {
        _client = client;
        Stream = client.GetStream();
    }

    public NetworkStream Stream { get; }

    public static async Task<RawPeer> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        return new RawPeer(client);
    }

    public async Task SendHelloAsync(string name = "raw")
    {
        var output = new ArrayBufferWriter<byte>();
        Handshake.WriteHello(output, Peers.Topology, Peers.Secret, name);
        await Stream.WriteAsync(output.WrittenMemory);
        var (type, _) = await ReadFrameAsync();
        type.ShouldBe(FrameType.Welcome);
    }

    /// <summary>Reads one frame; null type at end of stream.</summary>
    public async Task<(byte? Type, byte[] Payload)> ReadFrameAsync()
    {
        var header = new byte[FrameCodec.HeaderLength];
        using var timeout = new CancellationTokenSource(RecordingHandler.Timeout);
        try
        {
            await Stream.ReadExactlyAsync(header, timeout.Token);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            // A close with our junk still unread arrives as a reset: closed all the same.
            return (null, []);
        }

        var payload = new byte[BinaryPrimitives.ReadUInt32LittleEndian(header) - 1];
        await Stream.ReadExactlyAsync(payload, timeout.Token);
        return (header[4], payload);
    }

    /// <summary>Reads until the server closes the connection; returns the frame types seen.</summary>
    public async Task<List<byte>> ReadUntilClosedAsync()
    {
        var types = new List<byte>();
        while (true)
        {
            var (type, _) = await ReadFrameAsync();
            if (type is null)
            {
                return types;
            }

            types.Add(type.Value);
        }
    }

    public void Dispose() => _client.Dispose();
}
