using Squall.ZooKeeper.Tests.Infrastructure;

namespace Squall.ZooKeeper.Tests.Integration;

/// <summary>Sessions across partitions, made by cutting a TCP proxy between the client and the shared server.</summary>
[Collection(ZooKeeperCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SessionTests(ZooKeeperFixture fixture) : ChrootedTest(fixture)
{
    private readonly EventRecorder<ConnectionState> _states = new();

    [Fact]
    public async Task The_server_grants_a_timeout_within_its_bounds()
    {
        var shortSession = await ConnectAsync(sessionTimeout: TimeSpan.FromSeconds(2));
        var longSession = await ConnectAsync(sessionTimeout: TimeSpan.FromMinutes(10));

        shortSession.SessionTimeout.ShouldBe(TimeSpan.FromSeconds(2));
        longSession.SessionTimeout.ShouldBe(TimeSpan.FromSeconds(60)); // maxSessionTimeout of the fixture
        shortSession.SessionId.ShouldNotBe(longSession.SessionId);
        shortSession.State.ShouldBe(ConnectionState.Connected);
    }

    [Fact]
    public async Task Connects_through_any_server_of_the_connection_string()
    {
        await using var proxy = new TcpProxy(Server.Port);
        proxy.Cut(); // a listening address that never answers, as a dead server would

        var client = await ConnectAsync($"{proxy.ConnectionString},{Server.ConnectionString}");

        await client.CreateAsync("/node", ReadOnlyMemory<byte>.Empty);
        (await Client.ExistsAsync("/node")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Connect_to_no_live_server_fails_with_ConnectionLoss()
    {
        await using var proxy = new TcpProxy(Server.Port);
        proxy.Cut();

        await Should.ThrowAsync<ConnectionLossException>(() => ZooKeeperClient.ConnectAsync(new ZooKeeperClientOptions
        {
            ConnectionString = proxy.ConnectionString,
            ConnectTimeout = TimeSpan.FromSeconds(2),
        }));
    }

    [Fact]
    public async Task A_short_partition_resumes_the_session_and_replays_a_missed_watch()
    {
        await using var proxy = new TcpProxy(Server.Port);
        var client = await ConnectRecordingAsync(proxy.ConnectionString, TimeSpan.FromSeconds(30));
        var sessionId = client.SessionId;
        await client.CreateAsync("/eph", ReadOnlyMemory<byte>.Empty, CreateMode.Ephemeral);
        await client.CreateAsync("/watched", Bytes("0"));
        var watch = new EventRecorder<string>();
        await client.GetDataAsync("/watched", watch.Watcher(e => $"{e.Type} {e.Path}"));

        await PartitionAsync(proxy);
        await Client.SetDataAsync("/watched", Bytes("changed while partitioned"));
        var pending = client.GetDataAsync("/watched"); // queued until the session is back
        proxy.Restore();

        await _states.UntilAsync(s => s == ConnectionState.Connected);
        client.SessionId.ShouldBe(sessionId);
        (await watch.NextAsync()).ShouldBe("NodeDataChanged /watched");
        (await Wait.For(pending)).Data.ShouldBe(Bytes("changed while partitioned"));
        (await Client.ExistsAsync("/eph"))!.EphemeralOwner.ShouldBe(sessionId);
    }

    [Fact]
    public async Task A_partition_longer_than_the_session_timeout_expires_the_session()
    {
        await using var proxy = new TcpProxy(Server.Port);
        var client = await ConnectRecordingAsync(proxy.ConnectionString, TimeSpan.FromSeconds(4));
        await client.CreateAsync("/eph", ReadOnlyMemory<byte>.Empty, CreateMode.Ephemeral);
        var clientWatch = new EventRecorder<WatchedEvent>();
        await client.GetDataAsync("/eph", clientWatch.Watcher(e => e));
        var observer = new EventRecorder<string>();
        await Client.ExistsAsync("/eph", observer.Watcher(e => $"{e.Type} {e.Path}"));

        await PartitionAsync(proxy);
        (await observer.NextAsync()).ShouldBe("NodeDeleted /eph"); // the server expired the session
        proxy.Restore();

        await _states.UntilAsync(s => s == ConnectionState.Expired);
        client.State.ShouldBe(ConnectionState.Expired);
        (await clientWatch.NextAsync()).ShouldBe(new WatchedEvent(EventType.None, ConnectionState.Expired, null));
        await Should.ThrowAsync<SessionExpiredException>(() => client.ExistsAsync("/eph"));
    }

    [Fact]
    public async Task Losing_the_server_in_use_resumes_the_same_session_on_another_server()
    {
        await using var first = new TcpProxy(Server.Port);
        await using var second = new TcpProxy(Server.Port);
        first.Cut(); // so the client starts on the second address
        var client = await ConnectRecordingAsync($"{first.ConnectionString},{second.ConnectionString}", TimeSpan.FromSeconds(30));
        var sessionId = client.SessionId;
        await client.CreateAsync("/eph", ReadOnlyMemory<byte>.Empty, CreateMode.Ephemeral);
        first.Restore();

        second.Cut();
        await _states.UntilAsync(s => s == ConnectionState.Disconnected);
        await _states.UntilAsync(s => s == ConnectionState.Connected);

        client.SessionId.ShouldBe(sessionId);
        (await client.ExistsAsync("/eph"))!.EphemeralOwner.ShouldBe(sessionId);
    }

    [Fact]
    public async Task A_request_waiting_for_a_connection_can_be_cancelled()
    {
        await using var proxy = new TcpProxy(Server.Port);
        var client = await ConnectRecordingAsync(proxy.ConnectionString, TimeSpan.FromSeconds(30));
        await PartitionAsync(proxy);
        using var cancellation = new CancellationTokenSource();

        var pending = client.ExistsAsync("/", cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => Wait.For(pending));
        proxy.Restore();
        await _states.UntilAsync(s => s == ConnectionState.Connected);
        (await client.ExistsAsync("/")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Many_concurrent_requests_are_all_answered()
    {
        await Client.CreateAsync("/many", ReadOnlyMemory<byte>.Empty);

        var created = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            Client.CreateAsync($"/many/n{i}", Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        created.Distinct().Count().ShouldBe(300);
        (await Client.GetChildrenAsync("/many")).Stat.NumChildren.ShouldBe(300);
        (await Client.GetDataAsync("/many/n299")).Data.ShouldBe(Bytes("299"));
    }

    [Fact]
    public async Task Closing_while_disconnected_ends_the_client_and_closing_twice_is_harmless()
    {
        await using var proxy = new TcpProxy(Server.Port);
        var client = await ConnectRecordingAsync(proxy.ConnectionString, TimeSpan.FromSeconds(30));
        await PartitionAsync(proxy);

        await Wait.For(client.CloseAsync());
        await client.DisposeAsync();

        client.State.ShouldBe(ConnectionState.Closed);
        (await _states.NextAsync()).ShouldBe(ConnectionState.Closed);
    }

    private async Task<ZooKeeperClient> ConnectRecordingAsync(string connectionString, TimeSpan sessionTimeout)
    {
        var client = await ConnectAsync(connectionString, sessionTimeout);
        client.StateChanged += (_, e) => _states.Add(e.State);
        return client;
    }

    private async Task PartitionAsync(TcpProxy proxy)
    {
        proxy.Cut();
        await _states.UntilAsync(s => s == ConnectionState.Disconnected);
    }
}
