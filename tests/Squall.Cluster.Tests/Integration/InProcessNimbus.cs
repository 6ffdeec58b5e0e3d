using System.Net;
using System.Net.Sockets;
using Squall.Cluster.Configuration;
using Squall.Cluster.Nimbus;
using Squall.Cluster.Tests.Infrastructure;
using Squall.ZooKeeper.Hosting;

namespace Squall.Cluster.Tests.Integration;

/// <summary>A real ZooKeeper server and a Nimbus daemon in this process, on free loopback ports, for tests of the HTTP API.</summary>
public sealed class InProcessNimbus : IAsyncDisposable
{
    public const string Token = "api-test-token-0123";
    public const string ReadToken = "api-test-read-token-4567";
    public const string SupervisorToken = "api-test-supervisor-token-89";
    private readonly ZooKeeperServer _zooKeeper;
    private readonly string _dir;
    private readonly NimbusDaemon _nimbus;

    private InProcessNimbus(ZooKeeperServer zooKeeper, string dir, NimbusDaemon nimbus, int port)
    {
        (_zooKeeper, _dir, _nimbus) = (zooKeeper, dir, nimbus);
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public int Port { get; }

    /// <summary>A client without credentials; tests add the header per request.</summary>
    public HttpClient Http { get; }

    public StringWriter Log { get; } = new();

    internal static async Task<InProcessNimbus> StartAsync(Func<NimbusOptions, NimbusOptions>? configure = null)
    {
        // Nimbus validates packages in a child of the squall executable; this process is the test host.
        SquallExecutable.Use("dotnet", [DaemonProcess.CliPath]);
        var zooKeeper = await ZooKeeperServer.StartNewAsync();
        var dir = Directory.CreateTempSubdirectory("squall-api-test-").FullName;
        var port = FreePort();
        var options = new NimbusOptions
        {
            ZooKeeper = new ZooKeeperOptions { Servers = ["127.0.0.1"], Port = zooKeeper.Port, AuthPayload = "squall:in-process-test-password" },
            Host = "127.0.0.1",
            BindHost = "127.0.0.1",
            HttpPort = port,
            LocalDir = dir,
            Token = Token,
            ReadToken = ReadToken,
            SupervisorToken = SupervisorToken,
        };
        var log = new StringWriter();
        var nimbus = await NimbusDaemon.StartAsync((configure ?? (o => o))(options), new DaemonLog("nimbus", log), CancellationToken.None);
        await Wait.UntilAsync(() => nimbus.IsLeader, TimeSpan.FromSeconds(60), () => "the only Nimbus leads");
        return new InProcessNimbus(zooKeeper, dir, nimbus, port);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null, string? token = Token)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _nimbus.DisposeAsync();
        await _zooKeeper.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
