using ExclamationDrpc;
using Squall.Drpc.Server;
using Squall.Runtime;

namespace Squall.Drpc.Tests.Server;

/// <summary>Two in-process DRPC servers (real HTTP on loopback) and a LocalCluster whose exclamation topology pulls from both.</summary>
public sealed class DrpcServerFixture : IAsyncLifetime
{
    public const string Token = "drpc-test-token";

    internal DrpcServer First { get; private set; } = null!;

    internal DrpcServer Second { get; private set; } = null!;

    public LocalCluster Cluster { get; } = new();

    public static DrpcOptions Options => new() { HttpPort = 0, InvocationsPort = 0, InvocationsToken = Token };

    public async Task InitializeAsync()
    {
        First = await DrpcServer.StartAsync(Options);
        Second = await DrpcServer.StartAsync(Options);
        var conf = new Config
        {
            MessageTimeoutSecs = 300,
            [DrpcKeys.Servers] = $"127.0.0.1:{First.InvocationsPort},127.0.0.1:{Second.InvocationsPort}",
            [DrpcKeys.InvocationsToken] = Token,
        };
        Cluster.SubmitTopology("exclamation", conf, ExclamationDrpcTopology.Construct().CreateRemoteTopology());
    }

    public async Task DisposeAsync()
    {
        Cluster.Dispose();
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }
}
