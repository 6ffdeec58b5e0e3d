using System.Collections.Concurrent;
using Squall.Wire.Tests.Support;
using Squall.Wire.Transport;

namespace Squall.Wire.Tests.Transport;

/// <summary>The handshake fences assignment epochs, and refused strangers are reported once per address.</summary>
[Trait("Category", "Integration")]
public class EpochAndRefusalTests
{
    [Fact]
    public async Task A_worker_of_an_old_epoch_is_refused_and_one_of_the_same_epoch_connects()
    {
        var handler = new RecordingHandler();
        await using var server = new WireServer(new WireServerOptions { TopologyId = Peers.Topology, Secret = Peers.Secret, EpochOf = _ => 7 }, handler);
        server.Start();

        await using var stale = Connect(server.LocalEndPoint.Port, epoch: 6);
        var refused = Await.EventAsync<Exception>(h => stale.Disconnected += h, h => stale.Disconnected -= h);
        stale.Start();
        var error = (await refused).ShouldBeOfType<WireProtocolException>();
        error.RefusedByPeer.ShouldBeTrue();
        error.Message.ShouldContain("epoch 6, this worker expects epoch 7");

        await using var current = Connect(server.LocalEndPoint.Port, epoch: 7);
        var connected = Await.EventAsync<EventArgs>(h => current.Connected += h, h => current.Connected -= h);
        current.Start();
        await connected;
        await current.SendAsync(Peers.Frame(1));
        await handler.WaitForFramesAsync(1);
        handler.Frames.ShouldAllBe(f => f.Peer == "epoch-7");
    }

    [Fact]
    public async Task Epochs_are_per_peer_so_a_moved_worker_is_fenced_and_an_unmoved_one_is_not()
    {
        // Peer "epoch-3" did not move (still epoch 3); the worker that ran as "epoch-4" moved and now must present 9.
        var expected = new Dictionary<string, long> { ["epoch-3"] = 3, ["epoch-4"] = 9 };
        var handler = new RecordingHandler();
        await using var server = new WireServer(new WireServerOptions { TopologyId = Peers.Topology, Secret = Peers.Secret, EpochOf = name => expected[name] }, handler);
        server.Start();

        await using var unmoved = Connect(server.LocalEndPoint.Port, epoch: 3);
        var connected = Await.EventAsync<EventArgs>(h => unmoved.Connected += h, h => unmoved.Connected -= h);
        unmoved.Start();
        await connected;

        await using var stale = Connect(server.LocalEndPoint.Port, epoch: 4);
        var refused = Await.EventAsync<Exception>(h => stale.Disconnected += h, h => stale.Disconnected -= h);
        stale.Start();
        (await refused).Message.ShouldContain("this worker expects epoch 9");
    }

    [Fact]
    public async Task A_retargeted_connection_delivers_to_the_new_address()
    {
        var first = new RecordingHandler();
        var second = new RecordingHandler();
        await using var old = Peers.StartServer(first);
        await using var moved = Peers.StartServer(second);
        await using var connection = await Peers.ConnectedAsync(old.LocalEndPoint.Port);
        await connection.SendAsync(Peers.Frame(1));
        await first.WaitForFramesAsync(1);

        var reconnected = Await.EventAsync<EventArgs>(h => connection.Connected += h, h => connection.Connected -= h);
        connection.Retarget("127.0.0.1", moved.LocalEndPoint.Port);
        await reconnected;
        await connection.SendAsync(Peers.Frame(2));

        await second.WaitForFramesAsync(1);
        connection.Port.ShouldBe(moved.LocalEndPoint.Port);
        first.Frames.Count.ShouldBe(1, "nothing more goes to the old address");
    }

    [Fact]
    public void The_hello_carries_the_epoch()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        Handshake.WriteHello(output, "t", [1, 2], "w1", epoch: 12);
        var payload = output.WrittenSpan[FrameCodec.HeaderLength..].ToArray();

        Handshake.CheckHello(payload, "t", [1, 2], _ => 12).ShouldBe("w1");
        Should.Throw<WireProtocolException>(() => Handshake.CheckHello(payload, "t", [1, 2], _ => 13)).Message.ShouldContain("epoch 12");
        // A wrong secret is reported as such, whatever the epoch: a stranger learns nothing about epochs.
        Should.Throw<WireProtocolException>(() => Handshake.CheckHello(payload, "t", [9, 9], _ => 13)).Message.ShouldContain("secret");
    }

    [Fact]
    public async Task Refused_strangers_are_reported_once_per_address_and_authenticated_peers_never()
    {
        var reports = new ConcurrentQueue<string>();
        var handler = new RecordingHandler();
        await using var server = new WireServer(
            new WireServerOptions { TopologyId = Peers.Topology, Secret = Peers.Secret, OnRefused = reports.Enqueue },
            handler);
        server.Start();

        for (var i = 0; i < 3; i++)
        {
            using var stranger = await RawPeer.ConnectAsync(server.LocalEndPoint.Port);
            await stranger.Stream.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
            await stranger.ReadUntilClosedAsync();
            handler.NextClosed().Error.ShouldBeOfType<WireProtocolException>();
        }

        await using var good = await Peers.ConnectedAsync(server.LocalEndPoint.Port);
        await good.DisposeAsync();
        handler.NextClosed();

        var report = reports.ShouldHaveSingleItem();
        report.ShouldContain("127.0.0.1");
        report.ShouldContain($"port {server.LocalEndPoint.Port}");
    }

    private static PeerConnection Connect(int port, long epoch) =>
        new(new PeerConnectionOptions
        {
            Host = "127.0.0.1",
            Port = port,
            TopologyId = Peers.Topology,
            Secret = Peers.Secret,
            Epoch = epoch,
            PeerName = $"epoch-{epoch}",
            InitialReconnectDelay = TimeSpan.FromMilliseconds(20),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        });
}
