using Squall.Cluster.Tests.Infrastructure;
using Squall.Ui.Sources;

namespace Squall.Ui.Tests.Cluster;

/// <summary>The UI over a test cluster: every Nimbus as a seed, the cluster's token, a free port.</summary>
internal static class ClusterUi
{
    public static Task<UiServer> StartAsync(TestCluster cluster) => UiServer.StartAsync(
        new NimbusSource([.. cluster.NimbusPorts.Select(p => $"127.0.0.1:{p}")], new Dictionary<string, string>(), TestCluster.Token),
        new UiOptions { Port = 0 });
}
