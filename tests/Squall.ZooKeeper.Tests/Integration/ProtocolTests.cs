using Squall.ZooKeeper.Jute;
using Squall.ZooKeeper.Tests.Infrastructure;

namespace Squall.ZooKeeper.Tests.Integration;

/// <summary>
/// What the client puts on the wire, and when, against a scripted server on loopback with manual time:
/// pings, read timeouts, session resumption, SetWatches, expiry.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProtocolTests : IAsyncLifetime
{
    private static readonly TimeSpan Third = TimeSpan.FromSeconds(1);

    private readonly ManualTimeProvider _time = new();
    private FakeZooKeeperServer _server = null!;
    private readonly EventRecorder<ConnectionState> _states = new();
    private ZooKeeperClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = FakeZooKeeperServer.Start(timeoutMs: 3000);
        _client = await ZooKeeperClient.ConnectAsync(new ZooKeeperClientOptions
        {
            ConnectionString = _server.ConnectionString,
            SessionTimeout = TimeSpan.FromSeconds(5),
            TimeProvider = _time,
        });
        _client.StateChanged += (_, e) => _states.Add(e.State);
    }

    public async Task DisposeAsync()
    {
        _server.Silent = false; // closing waits for the server's answer, and manual time never times it out
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_handshake_asks_for_the_requested_timeout_and_the_client_adopts_the_granted_one()
    {
        var handshake = await _server.NextHandshakeAsync();

        handshake.TimeoutMs.ShouldBe(5000);
        handshake.SessionId.ShouldBe(0);
        _client.SessionTimeout.ShouldBe(TimeSpan.FromSeconds(3));
        _client.SessionId.ShouldBe(_server.SessionId);
    }

    [Fact]
    public async Task Pings_go_out_at_a_third_of_the_granted_timeout()
    {
        for (var i = 0; i < 3; i++)
        {
            await _time.WaitForTimerAsync(Third);
            _time.Advance(Third);

            var request = await _server.NextRequestAsync();
            (request.Xid, request.Op).ShouldBe((SpecialXid.Ping, OpCode.Ping));
        }
    }

    [Fact]
    public async Task A_silent_server_is_dropped_and_the_session_resumed_with_its_id_and_password()
    {
        await _server.NextHandshakeAsync();
        _server.Silent = true;

        // Two thirds of the timeout without a byte from the server: the next check gives up on it.
        for (var i = 0; i < 3; i++)
        {
            await _time.WaitForTimerAsync(Third);
            _time.Advance(Third);
        }

        await _states.UntilAsync(s => s == ConnectionState.Disconnected);
        var resumed = await _server.NextHandshakeAsync();
        resumed.SessionId.ShouldBe(_server.SessionId);
        resumed.Password.ShouldBe(_server.Password);
        await _states.UntilAsync(s => s == ConnectionState.Connected);
    }

    [Fact]
    public async Task After_a_reconnect_watches_are_re_registered_before_any_queued_request()
    {
        await _client.GetDataAsync("/data", _ => Task.CompletedTask);
        await _client.ExistsAsync("/exists", _ => Task.CompletedTask);
        await _client.SyncAsync("/").ShouldThrowAsync<NoNodeException>(); // the script answers NoNode: no zxid change
        while ((await _server.NextRequestAsync()).Op != OpCode.Sync)
        {
        }

        await DropRightAfterConnectingAsync();
        await _states.UntilAsync(s => s == ConnectionState.Disconnected);
        var queued = _client.ExistsAsync("/queued");
        await _states.UntilAsync(s => s == ConnectionState.Connected);

        var first = await NextNonPingAsync();
        (first.Xid, first.Op).ShouldBe((SpecialXid.SetWatches, OpCode.SetWatches));
        var reader = new JuteReader(first.Body);
        reader.ReadLong().ShouldBe(FakeZooKeeperServer.Zxid);
        reader.ReadStringVector().ShouldBe(["/data", "/exists"]); // data watches (exists on a present node is one)
        reader.ReadStringVector().ShouldBeEmpty(); // exist watches
        reader.ReadStringVector().ShouldBeEmpty(); // child watches
        (await NextNonPingAsync()).Op.ShouldBe(OpCode.Exists);
        (await Wait.For(queued)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_request_in_flight_when_the_connection_drops_fails_with_ConnectionLoss()
    {
        _server.Silent = true;
        var inFlight = _client.GetDataAsync("/node");
        while ((await _server.NextRequestAsync()).Op != OpCode.GetData)
        {
        }

        _server.DropConnections();

        await Should.ThrowAsync<ConnectionLossException>(() => Wait.For(inFlight));
    }

    [Fact]
    public async Task A_server_refusing_the_session_on_reconnect_expires_the_client()
    {
        _server.ExpireSessions = true;
        await DropRightAfterConnectingAsync();

        await _states.UntilAsync(s => s == ConnectionState.Expired);
        _client.State.ShouldBe(ConnectionState.Expired);
        await Should.ThrowAsync<SessionExpiredException>(() => _client.GetDataAsync("/any"));
    }

    /// <summary>
    /// Drops the connection before any time has passed; the client takes that for a refusing server and
    /// backs off before reconnecting (50 ms the first time), so time is moved past the backoff.
    /// </summary>
    private async Task DropRightAfterConnectingAsync()
    {
        var backoff = TimeSpan.FromMilliseconds(50);
        _server.DropConnections();
        await _time.WaitForTimerAsync(backoff);
        _time.Advance(backoff);
    }

    private async Task<(int Xid, OpCode Op, byte[] Body)> NextNonPingAsync()
    {
        while (true)
        {
            var request = await _server.NextRequestAsync();
            if (request.Op != OpCode.Ping)
            {
                return request;
            }
        }
    }
}
