using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ExclamationDrpc;
using Squall.Cluster.Tests.Infrastructure;

namespace Squall.Drpc.Tests.Cluster;

/// <summary>
/// A real cluster (ZooKeeper, Nimbus and a supervisor as processes, via the cluster tests' <see cref="TestCluster"/>)
/// plus a real <c>squall drpc</c> process, with ExclamationDrpc submitted as a user's built assembly.
/// </summary>
public sealed class DrpcClusterFixture : IAsyncLifetime
{
    public const string Token = "drpc-cluster-test-token";

    public TestCluster Cluster { get; private set; } = null!;

    public DaemonProcess Drpc { get; private set; } = null!;

    public int HttpPort { get; } = FreePort();

    public int InvocationsPort { get; } = FreePort();

    public async Task InitializeAsync()
    {
        Cluster = await TestCluster.StartAsync(nimbuses: 1, supervisors: 1, slotsPerSupervisor: 2);
        // The DRPC keys in the squall.yaml that `squall drpc` reads and `squall submit` passes on to the topology.
        // A long idle period: calls right after a (re)start wait for spouts instead of failing as unserved.
        await File.AppendAllTextAsync(Cluster.ConfigFile, $"""
            drpc.servers: ["127.0.0.1"]
            drpc.http.port: {HttpPort}
            drpc.invocations.port: {InvocationsPort}
            drpc.invocations.token: "{Token}"
            drpc.request.timeout.secs: 120
            drpc.function.idle.secs: 600

            """);
        await StartDrpcAsync();
        var (code, output) = await Cluster.CliAsync(
            "submit", typeof(ExclamationDrpcTopology).Assembly.Location, "--name", "exclamation-drpc",
            "-c", "topology.workers=2", "-c", "topology.message.timeout.secs=60");
        code.ShouldBe(0, output);
        using var client = Client();
        (await client.ExecuteAsync("exclamation", "ready").WaitAsync(TimeSpan.FromMinutes(3))).ShouldBe("ready!", Cluster.Logs());
    }

    public DrpcClient Client() => new("127.0.0.1", HttpPort, TimeSpan.FromMinutes(3));

    /// <summary>Starts <c>squall drpc</c> and waits until it answers HTTP.</summary>
    public async Task StartDrpcAsync()
    {
        var daemon = DaemonProcess.Start("drpc", Cluster.Dir, "drpc", "--config-file", Cluster.ConfigFile);
        Drpc = daemon;
        using var http = new HttpClient();
        await Wait.UntilAsync(
            async () =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/"));
                    return true;
                }
                catch (HttpRequestException)
                {
                    return !daemon.HasExited ? false : throw new InvalidOperationException($"squall drpc exited:\n{daemon.Output}");
                }
            },
            TimeSpan.FromSeconds(90),
            () => $"squall drpc answers on {HttpPort}:\n{daemon.Output}");
    }

    public async Task DisposeAsync()
    {
        if (Drpc is not null)
        {
            await Drpc.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string Text(int i) => i.ToString(CultureInfo.InvariantCulture);
}
