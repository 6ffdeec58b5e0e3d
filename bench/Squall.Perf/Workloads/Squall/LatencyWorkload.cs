using Squall.Runtime;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// A spout paced at 100,000 tuples/s through 3 hops (spout → relay → relay → sink, shuffle, default
/// settings: one acker, tuples untracked as they carry no message id); p50/p99/p999 of the end-to-end
/// latency in µs, from the due time stamped by the spout to the sink's Execute.
/// </summary>
internal sealed class LatencyWorkload : IWorkload
{
    public const int TuplesPerSecond = 100_000;

    public string Name => "latency";

    public bool IsPeer => false;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recorder = new LatencyRecorder();
        var builder = new TopologyBuilder();
        builder.SetSpout("paced", () => new PacedSpout(TuplesPerSecond));
        builder.SetBolt("relay1", () => new IdentityBolt(new Fields("due"))).ShuffleGrouping("paced");
        builder.SetBolt("relay2", () => new IdentityBolt(new Fields("due"))).ShuffleGrouping("relay1");
        builder.SetBolt("sink", () => new LatencySinkBolt(recorder)).ShuffleGrouping("relay2");

        double rate;
        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology(SquallRun.TopologyName, new Config(), builder.CreateTopology());
            Thread.Sleep(SquallRun.WarmUp(context.Options.Duration));
            recorder.Recording = true;
            rate = SquallRun.ExecutedPerSecond(cluster, "sink", context.Options.Duration);
            SquallRun.ThrowOnErrors(cluster);
            cluster.KillTopology(SquallRun.TopologyName);
        }

        return new WorkloadResult(Name, rate) { Latency = recorder.Histogram.Summarize() };
    }
}
