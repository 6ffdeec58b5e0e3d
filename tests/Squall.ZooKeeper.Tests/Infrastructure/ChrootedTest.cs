namespace Squall.ZooKeeper.Tests.Infrastructure;

/// <summary>Base for tests on the shared server: each test gets a fresh chroot, and its clients are closed after it.</summary>
public abstract class ChrootedTest(ZooKeeperFixture fixture) : IAsyncLifetime
{
    private readonly List<ZooKeeperClient> _clients = [];

    protected ZooKeeperServer Server => fixture.Server;

    protected string Chroot { get; } = "/test-" + Guid.NewGuid().ToString("N");

    protected ZooKeeperClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await using (var root = await ZooKeeperClient.ConnectAsync(Server.ConnectionString))
        {
            await root.CreateAsync(Chroot, ReadOnlyMemory<byte>.Empty);
        }

        Client = await ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    protected async Task<ZooKeeperClient> ConnectAsync(string? connectionString = null, TimeSpan? sessionTimeout = null)
    {
        var client = await ZooKeeperClient.ConnectAsync(new ZooKeeperClientOptions
        {
            ConnectionString = (connectionString ?? Server.ConnectionString) + Chroot,
            SessionTimeout = sessionTimeout ?? TimeSpan.FromSeconds(10),
        });
        _clients.Add(client);
        return client;
    }

    protected static byte[] Bytes(string value) => System.Text.Encoding.UTF8.GetBytes(value);
}
