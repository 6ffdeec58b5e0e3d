using Squall.Cluster.Configuration;
using Squall.ZooKeeper;

namespace Squall.Cluster;

/// <summary>Connects a daemon to ZooKeeper, turning "unreachable" into one clear message.</summary>
internal static class ZooKeeperConnector
{
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
