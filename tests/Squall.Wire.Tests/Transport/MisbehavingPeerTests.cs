using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Squall.Wire.Tests.Support;
using Squall.Wire.Transport;

namespace Squall.Wire.Tests.Transport;

[Trait("Category", "Integration")]
public class MisbehavingPeerTests
{
    [Fact]
    public async Task Garbage_on_the_port_is_rejected_and_the_server_keeps_serving()
    {
        var handler = new RecordingHandler();
        await using var server = Peers.StartServer(handler);
        await using var good = await Peers.ConnectedAsync(server.LocalEndPoint.Port);
        handler.ConnectedEvents.TryTake(out _, RecordingHandler.Timeout).ShouldBeTrue();

        using (var http = await RawPeer.ConnectAsync(server.LocalEndPoint.Port))
        {
            await http.Stream.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
            (await http.ReadUntilClosedAsync()).ShouldBe([FrameType.Refuse]);
        }

        handler.NextClosed().Error.ShouldBeOfType<WireProtocolException>();

        using (var wrongFirstFrame = await RawPeer.ConnectAsync(server.LocalEndPoint.Port))
        {
            await wrongFirstFrame.Stream.WriteAsync(new byte[] { 1, 0, 0, 0, FrameType.FirstApplication });
            (await wrongFirstFrame.ReadUntilClosedAsync()).ShouldBe([FrameType.Refuse]);
        }

        handler.NextClosed().Error!.Message.ShouldContain("Expected a handshake");
        await good.SendAsync(Peers.Frame(1));
        await handler.WaitForFramesAsync(1);
    }

    [Fact]
    public async Task Random_bytes_from_many_strangers_never_take_the_server_down()
    {
        var handler = new RecordingHandler();
        await using var server = Peers.StartServer(handler);
        await using var good = await Peers.ConnectedAsync(server.LocalEndPoint.Port);
        var random = new Random(11);
        for (var i = 0; i < 20; i++)
        {
            using var stranger = await RawPeer.ConnectAsync(server.LocalEndPoint.Port);
            var junk = new byte[random.Next(1, 300)];
            random.NextBytes(junk);
            junk[0] = (byte)(i % 3 == 0 ? FrameType.Hello : junk[0]); // some look almost like a hello
            await stranger.Stream.WriteAsync(junk);
            stranger.Stream.Socket.Shutdown(SocketShutdown.Send); // a short hello must not wait for the timeout
            await stranger.ReadUntilClosedAsync();
        }

        await good.SendAsync(Peers.Frame(1));
        await handler.WaitForFramesAsync(1);
        good.IsConnected.ShouldBeTrue();
    }

    [Fact]
    public async Task Oversized_frame_closes_that_connection_with_a_reason_and_the_server_keeps_serving()
    {
        var handler = new RecordingHandler();
        await using var server = Peers.StartServer(handler, maxFrameSize: 4096);
        await using var good = await Peers.ConnectedAsync(server.LocalEndPoint.Port);
        handler.ConnectedEvents.TryTake(out _, RecordingHandler.Timeout).ShouldBeTrue();
        using var raw = await RawPeer.ConnectAsync(server.LocalEndPoint.Port);
        await raw.SendHelloAsync();

        await raw.Stream.WriteAsync(new byte[] { 0x01, 0x10, 0x00, 0x00, Peers.Batch }); // 4097 bytes announced

        var (type, payload) = await raw.ReadFrameAsync();
        type.ShouldBe(FrameType.Refuse);
        Encoding.UTF8.GetString(payload).ShouldContain("exceeds the maximum frame size of 4096");
        (await raw.ReadUntilClosedAsync()).ShouldBeEmpty();
        handler.NextClosed().Error!.Message.ShouldContain("exceeds");
        await good.SendAsync(Peers.Frame(1));
        await handler.WaitForFramesAsync(1);
        handler.Frames.ShouldAllBe(f => f.Peer == "good");
    }

    [Fact]
    public async Task Silent_peer_is_dropped_after_the_handshake_timeout()
    {
        var handler = new RecordingHandler();
        await using var server = new WireServer(
            new WireServerOptions { TopologyId = Peers.Topology, Secret = Peers.Secret, HandshakeTimeout = TimeSpan.FromMilliseconds(100) },
            handler);
        server.Start();
        using var silent = await RawPeer.ConnectAsync(server.LocalEndPoint.Port);

        (await silent.ReadUntilClosedAsync()).ShouldBe([FrameType.Refuse]);
        handler.NextClosed().Error!.Message.ShouldContain("No handshake");
    }

    [Fact]
    public async Task Frames_unacknowledged_or_unsent_when_the_connection_dies_are_handed_back()
    {
        // A fake receiver that welcomes the client, reads a little, never acknowledges, then drops it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var client = Peers.Connect(port, capacity: 64);
        var returned = new ConcurrentQueue<object?>();
        var delivered = 0;
        Exception? reason = null;
        client.FramesReturned += (_, e) =>
        {
            reason ??= e.Reason;
            foreach (var frame in e.Frames)
            {
                returned.Enqueue(frame.State);
            }
        };
        client.FrameDelivered += (_, _) => Interlocked.Increment(ref delivered);
        client.Start();

        using (var accepted = await listener.AcceptTcpClientAsync())
        {
            var stream = accepted.GetStream();
            await stream.ReadExactlyAsync(new byte[FrameCodec.HeaderLength]); // the hello's header is enough
            var welcome = new System.Buffers.ArrayBufferWriter<byte>();
            Handshake.WriteWelcome(welcome, held: false);
            await stream.WriteAsync(welcome.WrittenMemory);
            await ConnectionTests.WaitForAsync(() => client.IsConnected);
            for (var i = 0; i < 50; i++)
            {
                await client.SendAsync(Peers.Frame(i));
            }

            await stream.ReadExactlyAsync(new byte[100]);
            accepted.Client.LingerState = new LingerOption(true, 0); // reset: the client sees the loss at once
        }

        await ConnectionTests.WaitForAsync(() => returned.Count == 50);
        listener.Stop();
        await client.DisposeAsync();

        returned.ShouldBe(Enumerable.Range(0, 50).Cast<object?>());
        delivered.ShouldBe(0);
        reason.ShouldNotBeNull();
    }

    [Fact]
    public async Task Throwing_handler_closes_the_connection_and_the_sender_gets_the_frame_back()
    {
        var handler = new ThrowingHandler();
        await using var server = Peers.StartServer(handler);
        await using var client = await Peers.ConnectedAsync(server.LocalEndPoint.Port);
        var returned = Await.EventAsync<FramesReturnedEventArgs>(h => client.FramesReturned += h, h => client.FramesReturned -= h);

        await client.SendAsync(Peers.Frame(7));

        var back = await returned;
        back.Frames.Single().State.ShouldBe(7);
        back.Reason.Message.ShouldContain("engine bug");
    }

    private sealed class ThrowingHandler : IFrameHandler
    {
        public void OnFrame(WirePeer peer, byte frameType, ReadOnlySpan<byte> payload) =>
            throw new InvalidOperationException("engine bug");
    }
}
