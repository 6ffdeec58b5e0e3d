using Squall.Cluster.Configuration;
using Squall.ZooKeeper;

namespace Squall.Cluster;

/// <summary>Connects a daemon to ZooKeeper, turning "unreachable" into one clear message.</summary>
internal static class ZooKeeperConnector
{
    /// <summary>
    /// A daemon's start: refuse invalid options, connect, create, start; a daemon that fails to start is
    /// disposed (closing its session, so its ephemeral nodes go) before the error propagates.
    /// </summary>
    public static async Task<TDaemon> StartDaemonAsync<TDaemon>(
        IReadOnlyList<string> optionErrors,
        ZooKeeperOptions options,
        Func<ZooKeeperClient, TDaemon> create,
        Func<TDaemon, Task> start,
        CancellationToken cancel)
        where TDaemon : IAsyncDisposable
    {
        if (optionErrors.Count > 0)
        {
            throw new ClusterStartException(string.Join(Environment.NewLine, optionErrors));
        }

        var daemon = create(await ConnectAsync(options, cancel));
        try
        {
            await start(daemon);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    public static async Task<ZooKeeperClient> ConnectAsync(ZooKeeperOptions options, CancellationToken cancel)
    {
        try
        {
            return await ZooKeeperClient.ConnectAsync(options.ToClientOptions(), cancel);
        }
        catch (Exception e) when (e is ZooKeeperException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            throw new ClusterStartException(
                $"Cannot reach ZooKeeper at {options.ConnectionString} (storm.zookeeper.servers / storm.zookeeper.port) within {options.ConnectTimeout.TotalSeconds:F0} s: {e.Message}");
        }
    }
}
