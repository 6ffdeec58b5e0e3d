using Squall.ZooKeeper.Tests.Infrastructure;

namespace Squall.ZooKeeper.Tests.Integration;

/// <summary>Restarts its own server, so it cannot share one with other tests.</summary>
[Trait("Category", "Integration")]
public sealed class ServerRestartTests : IAsyncLifetime
{
    private ZooKeeperServer _server = null!;

    public async Task InitializeAsync() => _server = await ZooKeeperServer.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Server_restart_under_a_live_session_keeps_the_session_its_ephemerals_and_its_watches()
    {
        var states = new EventRecorder<ConnectionState>();
        await using var client = await ZooKeeperClient.ConnectAsync(new ZooKeeperClientOptions
        {
            ConnectionString = _server.ConnectionString,
            SessionTimeout = TimeSpan.FromSeconds(30),
        });
        client.StateChanged += (_, e) => states.Add(e.State);
        var sessionId = client.SessionId;
        await client.CreateAsync("/eph", "alive"u8.ToArray(), CreateMode.Ephemeral);
        var watch = new EventRecorder<string>();
        await client.GetDataAsync("/eph", watch.Watcher(e => $"{e.Type} {e.Path}"));

        await _server.KillAsync();
        await states.UntilAsync(s => s == ConnectionState.Disconnected);
        await _server.StartAsync();
        await states.UntilAsync(s => s == ConnectionState.Connected);

        client.SessionId.ShouldBe(sessionId);
        var node = await client.GetDataAsync("/eph");
        node.Stat.EphemeralOwner.ShouldBe(sessionId);
        await using var other = await ZooKeeperClient.ConnectAsync(_server.ConnectionString);
        await other.SetDataAsync("/eph", "changed"u8.ToArray());
        (await watch.NextAsync()).ShouldBe("NodeDataChanged /eph");
    }
}
