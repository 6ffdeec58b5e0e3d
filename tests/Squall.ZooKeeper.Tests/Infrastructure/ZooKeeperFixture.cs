namespace Squall.ZooKeeper.Tests.Infrastructure;

/// <summary>One server shared by the tests of the <see cref="ZooKeeperCollection"/>; each test works in its own chroot.</summary>
public sealed class ZooKeeperFixture : IAsyncLifetime
{
    private ZooKeeperServer? _server;

    public ZooKeeperServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync() => _server = await ZooKeeperServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
