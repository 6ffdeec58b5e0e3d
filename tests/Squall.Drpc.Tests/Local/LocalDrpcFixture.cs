using ExclamationDrpc;
using Squall.Runtime;

namespace Squall.Drpc.Tests.Local;

/// <summary>One LocalCluster and LocalDrpc serving the test topologies, shared by the local tests.</summary>
public sealed class LocalDrpcFixture : IDisposable
{
    public LocalDrpcFixture()
    {
        // A long message timeout: a failure that reaches the caller can only be the fast path, never a timeout.
        var conf = new Config { MessageTimeoutSecs = 300 };
        Cluster.SubmitTopology("exclamation", conf, ExclamationDrpcTopology.Construct().CreateLocalTopology(Drpc));
        Cluster.SubmitTopology("reach", conf, Reach.ReachTopology.Construct().CreateLocalTopology(Drpc));

        var silent = new LinearDrpcTopologyBuilder("silent");
        silent.AddBolt(() => new PassBolt(), 2);
        silent.AddBolt(() => new SilentBolt(), 2);
        Cluster.SubmitTopology("silent", conf, silent.CreateLocalTopology(Drpc));

        var throwing = new LinearDrpcTopologyBuilder("throwing");
        throwing.AddBolt(() => new ThrowingFinishBolt(), 2);
        Cluster.SubmitTopology("throwing", conf, throwing.CreateLocalTopology(Drpc));

        var count = new LinearDrpcTopologyBuilder("count");
        count.SpoutParallelism = 2;
        count.AddBolt(() => new FanOutBolt(), 3);
        count.AddBolt(() => new PassBolt(), 4).ShuffleGrouping();
        count.AddBolt(() => new CountBatchBolt(), 3).FieldsGrouping(new Fields("id"));
        Cluster.SubmitTopology("count", conf, count.CreateLocalTopology(Drpc));
    }

    public LocalDrpc Drpc { get; } = new();

    public LocalCluster Cluster { get; } = new();

    public void Dispose()
    {
        Cluster.Dispose();
        Drpc.Dispose();
    }
}
