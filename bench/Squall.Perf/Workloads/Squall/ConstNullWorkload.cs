using Squall.Runtime;
using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// storm-perf's ConstSpoutNullBoltTopo: const spout → null bolt (shuffle), acking off; tuples/s executed
/// by the bolt. The acked variant (<c>const-null-acked</c>) keeps Storm's default of one acker, emits with
/// message ids and also reports the complete latency (mean and p99, from the spout's Ack calls).
/// </summary>
internal sealed class ConstNullWorkload(bool acked) : IWorkload
{
    public string Name => acked ? "const-null-acked" : "const-null";

    public bool IsPeer => false;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recorder = acked ? new LatencyRecorder() : null;
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new ConstSpout(acked, recorder));
        builder.SetBolt("null", () => new NullBolt()).ShuffleGrouping("spout");
        var conf = new Config { NumAckers = acked ? 1 : 0 };

        double rate;
        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology(SquallRun.TopologyName, conf, builder.CreateTopology());
            Thread.Sleep(SquallRun.WarmUp(context.Options.Duration));
            if (recorder is not null)
            {
                recorder.Recording = true;
            }

            rate = SquallRun.ExecutedPerSecond(cluster, "null", context.Options.Duration);
            SquallRun.ThrowOnErrors(cluster);
            cluster.KillTopology(SquallRun.TopologyName);
        }

        return new WorkloadResult(Name, rate) { Latency = recorder?.Histogram.Summarize() };
    }
}
