using Squall.Runtime;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// Issue 12.1's case: a spout that sleeps 100 ms per NextTuple call, one bolt, Storm's defaults (5 s
/// message timeout here). Reports the delay from each emit to the bolt's Execute (p50/p99/p999 µs) and
/// fails the run if any tree timed out. Before Storm 2's flush semantics, a burst held 64 calls (6.4 s).
/// </summary>
internal sealed class SlowSpoutWorkload : IWorkload
{
    public string Name => "slow-spout";

    public bool IsPeer => false;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recorder = new LatencyRecorder { Recording = true };
        var builder = new TopologyBuilder();
        builder.SetSpout("slow", () => new SlowSpout());
        builder.SetBolt("sink", () => new LatencySinkBolt(recorder)).ShuffleGrouping("slow");
        var conf = new Config { MessageTimeoutSecs = 5 };

        double rate;
        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology(SquallRun.TopologyName, conf, builder.CreateTopology());
            rate = SquallRun.ExecutedPerSecond(cluster, "sink", context.Options.Duration);
            SquallRun.ThrowOnErrors(cluster);
            var timedOut = cluster.GetStats(SquallRun.TopologyName).Sum(s => s.TimedOut);
            cluster.KillTopology(SquallRun.TopologyName);
            if (timedOut > 0)
            {
                throw new InvalidOperationException($"{timedOut} trees of the slow spout timed out");
            }
        }

        return new WorkloadResult(Name, rate) { Latency = recorder.Histogram.Summarize() };
    }
}
