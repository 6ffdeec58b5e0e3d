using System.Collections.Concurrent;
using System.Text;
using Squall.Wire.Tests.Support;
using Squall.Wire.Transport;

namespace Squall.Wire.Tests.Transport;

[Trait("Category", "Integration")]
public class ConnectionTests
{
    [Fact]
    public async Task Frames_round_trip_in_order_and_are_acknowledged()
    {
        var handler = new RecordingHandler();
        await using var server = Peers.StartServer(handler, maxFrameSize: 4 << 20);
        await using var client = await Peers.ConnectedAsync(server.LocalEndPoint.Port);
        var delivered = new ConcurrentQueue<object?>();
        client.FrameDelivered += (_, frame) => delivered.Enqueue(frame.State);
        var big = new byte[3 << 20];
        new Random(5).NextBytes(big);

        for (var i = 0; i < 500; i++)
        {
            await client.SendAsync(Peers.Frame(i));
        }

        await client.SendAsync(new OutboundFrame(255, big, "big"));
        await handler.WaitForFramesAsync(501);

        var frames = handler.Frames;
        for (var i = 0; i < 500; i++)
        {
            frames[i].Type.ShouldBe(Peers.Batch);
            Encoding.UTF8.GetString(frames[i].Payload).ShouldBe($"frame-{i}");
            frames[i].Peer.ShouldBe("good");
        }

        frames[500].Type.ShouldBe((byte)255);
        frames[500].Payload.ShouldBe(big);
        await WaitForAsync(() => delivered.Count == 501);
        delivered.Last().ShouldBe("big");
    }

    [Theory]
    [InlineData("wordcount-1", "wrong secret", "secret")]
    [InlineData("other-topology", null, "Topology")]
    public async Task Peer_with_wrong_credentials_is_refused_while_a_good_peer_keeps_working(string topology, string? secret, string reason)
    {
        var handler = new RecordingHandler();
        await using var server = Peers.StartServer(handler);
        await using var good = await Peers.ConnectedAsync(server.LocalEndPoint.Port);
        handler.ConnectedEvents.TryTake(out _, RecordingHandler.Timeout).ShouldBeTrue();
        await using var bad = Peers.Connect(server.LocalEndPoint.Port, "bad", topology, secret is null ? null : Encoding.UTF8.GetBytes(secret));
        var refused = Await.EventAsync<Exception>(h => bad.Disconnected += h, h => bad.Disconnected -= h);

        bad.Start();

        var error = (await refused).ShouldBeOfType<WireProtocolException>();
        error.RefusedByPeer.ShouldBeTrue();
        error.Message.ShouldContain(reason);
        var closed = handler.NextClosed();
        closed.Error.ShouldBeOfType<WireProtocolException>().Message.ShouldContain(reason);
        bad.IsConnected.ShouldBeFalse();
        await good.SendAsync(Peers.Frame(1));
        await handler.WaitForFramesAsync(1);
        handler.Frames.ShouldAllBe(f => f.Peer == "good");
    }

    [Fact]
    public async Task Hold_and_resume_reach_the_sender_and_new_peers_start_held()
    {
        var handler = new RecordingHandler();
        await using var server = Peers.StartServer(handler);
        await using var client = await Peers.ConnectedAsync(server.LocalEndPoint.Port);
        client.IsHeld.ShouldBeFalse();

        var held = Await.EventAsync<bool>(h => client.HoldChanged += h, h => client.HoldChanged -= h, v => v);
        server.SetHoldAll(true);
        (await held).ShouldBeTrue();
        client.IsHeld.ShouldBeTrue();

        await using var late = await Peers.ConnectedAsync(server.LocalEndPoint.Port, "late");
        late.IsHeld.ShouldBeTrue();

        var resumed = Await.EventAsync<bool>(h => client.HoldChanged += h, h => client.HoldChanged -= h, v => !v);
        server.SetHoldAll(false);
        (await resumed).ShouldBeFalse();
        client.IsHeld.ShouldBeFalse();

        // Per-peer hold: only the named peer is told.
        var lateHeld = Await.EventAsync<bool>(h => late.HoldChanged += h, h => late.HoldChanged -= h, v => v);
        server.Peers.Single(p => p.PeerName == "late").SetHold(true);
        await lateHeld;
        client.IsHeld.ShouldBeFalse();
    }

    [Fact]
    public async Task Reconnects_after_the_server_restarts_on_the_same_port_and_delivers_later_frames()
    {
        var first = new RecordingHandler();
        var server = Peers.StartServerOnFixedPort(first);
        var port = server.LocalEndPoint.Port;
        await using var client = await Peers.ConnectedAsync(port);
        await client.SendAsync(Peers.Frame(1));
        await first.WaitForFramesAsync(1);

        var lost = Await.EventAsync<Exception>(h => client.Disconnected += h, h => client.Disconnected -= h);
        await server.DisposeAsync();
        await lost;
        client.IsConnected.ShouldBeFalse();

        // Sent while the peer is down: waits in the queue for the next connection.
        await client.SendAsync(Peers.Frame(2));
        var second = new RecordingHandler();
        var reconnected = Await.EventAsync<EventArgs>(h => client.Connected += h, h => client.Connected -= h);
        await using var restarted = Peers.StartServer(second, port);
        await reconnected;
        await client.SendAsync(Peers.Frame(3));
        await second.WaitForFramesAsync(2);
        second.Frames.Select(f => Encoding.UTF8.GetString(f.Payload)).ShouldBe(["frame-2", "frame-3"]);
    }

    [Fact]
    public async Task Full_queue_is_reported_by_TrySend_and_waited_on_by_SendAsync_never_dropped()
    {
        await using var client = Peers.Connect(Peers.FreePort(), capacity: 4);
        var returned = new ConcurrentQueue<OutboundFrame>();
        client.FramesReturned += (_, e) => { foreach (var f in e.Frames) { returned.Enqueue(f); } };
        client.Start();

        for (var i = 0; i < 4; i++)
        {
            client.TrySend(Peers.Frame(i)).ShouldBeTrue();
        }

        client.TrySend(Peers.Frame(4)).ShouldBeFalse();
        var waiting = client.SendAsync(Peers.Frame(5));
        waiting.IsCompleted.ShouldBeFalse();

        await client.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(waiting.AsTask());
        returned.Select(f => f.State).ShouldBe([0, 1, 2, 3]);
        Should.Throw<ObjectDisposedException>(() => client.TrySend(Peers.Frame(6)));
    }

    [Fact]
    public void Reserved_and_oversized_frames_are_rejected_at_send()
    {
        var client = Peers.Connect(Peers.FreePort());
        Should.Throw<ArgumentException>(() => client.TrySend(new OutboundFrame(3, Array.Empty<byte>())));
        Should.Throw<ArgumentException>(() => client.TrySend(new OutboundFrame(Peers.Batch, new byte[16 << 20])))
            .Message.ShouldContain("maximum frame size");
    }

    internal static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(RecordingHandler.Timeout);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
