using Squall.Runtime;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// storm-perf's ConstSpoutIdBoltNullBoltTopo: const spout → identity bolt → null bolt, local-or-shuffle,
/// acking off; tuples/s executed by the null bolt. A one-to-one local chain, so by default both bolts run
/// fused into the spout's executor; <c>const-id-null-unfused</c> turns <c>topology.fusion.enable</c> off.
/// </summary>
internal sealed class ConstIdNullWorkload(bool fused) : IWorkload
{
    public string Name => fused ? "const-id-null" : "const-id-null-unfused";

    public bool IsPeer => false;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new ConstSpout(reliable: false));
        builder.SetBolt("id", () => new IdentityBolt(new Fields("str"))).LocalOrShuffleGrouping("spout");
        builder.SetBolt("null", () => new NullBolt()).LocalOrShuffleGrouping("id");
        var conf = new Config { NumAckers = 0, [Config.TopologyFusionEnable] = fused };

        using var cluster = new LocalCluster();
        cluster.SubmitTopology(SquallRun.TopologyName, conf, builder.CreateTopology());
        Thread.Sleep(SquallRun.WarmUp(context.Options.Duration));
        var rate = SquallRun.ExecutedPerSecond(cluster, "null", context.Options.Duration);
        SquallRun.ThrowOnErrors(cluster);
        cluster.KillTopology(SquallRun.TopologyName);
        return new WorkloadResult(Name, rate);
    }
}
