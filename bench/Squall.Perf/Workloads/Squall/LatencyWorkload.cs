using Squall.Runtime;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// A spout paced at 100,000 tuples/s through 3 hops (spout → relay → relay → sink, shuffle, default
/// settings: one acker, tuples untracked as they carry no message id); p50/p99/p999 of the end-to-end
/// latency in µs, from the due time stamped by the spout to the sink's Execute. <c>latency-local</c> wires the
/// same hops local-or-shuffle, so the chain runs fused on the spout's thread: no hand-off between threads, and
/// one core busy instead of two (on a machine whose CPU is capped below its core count, that is what keeps
/// the tail short: see bench/RESULTS.md).
/// </summary>
internal sealed class LatencyWorkload(bool local) : IWorkload
{
    public const int TuplesPerSecond = 100_000;

    public string Name => local ? "latency-local" : "latency";

    public bool IsPeer => false;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recorder = new LatencyRecorder();
        var builder = new TopologyBuilder();
        builder.SetSpout("paced", () => new PacedSpout(TuplesPerSecond));
        Hop(builder.SetBolt("relay1", () => new IdentityBolt(new Fields("due"))), "paced");
        Hop(builder.SetBolt("relay2", () => new IdentityBolt(new Fields("due"))), "relay1");
        Hop(builder.SetBolt("sink", () => new LatencySinkBolt(recorder)), "relay2");

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

    private void Hop(BoltDeclarer bolt, string upstream)
    {
        if (local)
        {
            bolt.LocalOrShuffleGrouping(upstream);
        }
        else
        {
            bolt.ShuffleGrouping(upstream);
        }
    }
}
