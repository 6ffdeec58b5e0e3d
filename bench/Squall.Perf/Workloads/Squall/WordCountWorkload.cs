using Squall.Perf.Corpus;
using Squall.Perf.Timing;
using Squall.Runtime;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// Storm's word count on Squall: corpus spout → split (shuffle, parallelism P) → count (fields on "word",
/// parallelism P), one tuple per word. <c>wordcount</c> runs Storm's defaults (one acker) with a reliable
/// spout (message ids) and waits until every sentence's tree has completed; <c>wordcount-unacked</c> turns
/// acking off and waits until the count tasks have executed every word; <c>-2workers</c> runs the acked
/// topology over two workers connected by loopback TCP. The clock runs from submit to
/// drain, as for the peers; the checksum comes from the count tasks' final dictionaries.
/// With a local split (<c>wordcount-local</c>, <c>-local-unfused</c>), one split task takes the sentences
/// local-or-shuffle: a one-to-one local chain, run fused into the spout's executor unless the workload
/// turns <c>topology.fusion.enable</c> off.
/// </summary>
internal sealed class WordCountWorkload(bool acked, int workers = 1, LocalSplit localSplit = LocalSplit.None) : IWorkload
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    public string Name => (acked ? "wordcount" : "wordcount-unacked") + (workers > 1 ? $"-{workers}workers" : string.Empty) + localSplit switch
    {
        LocalSplit.Fused => "-local",
        LocalSplit.Unfused => "-local-unfused",
        _ => string.Empty,
    };

    public bool IsPeer => false;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var corpus = context.Corpus;
        var parallelism = context.Options.Parallelism;
        var probe = new WordCountProbe();
        var gate = new PassGate(context.Options.Duration);
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new CorpusSpout(corpus.Sentences, gate, probe, acked));
        if (localSplit == LocalSplit.None)
        {
            builder.SetBolt("split", () => new SplitBolt(), parallelism).ShuffleGrouping("sentences");
        }
        else
        {
            builder.SetBolt("split", () => new SplitBolt()).LocalOrShuffleGrouping("sentences");
        }

        builder.SetBolt("count", () => new CountBolt(probe), parallelism).FieldsGrouping("split", new Fields("word"));
        var conf = new Config { NumWorkers = workers, [Config.TopologyFusionEnable] = localSplit != LocalSplit.Unfused };
        if (!acked)
        {
            conf.NumAckers = 0;
        }

        TimeSpan elapsed;
        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology(SquallRun.TopologyName, conf, builder.CreateTopology());
            WaitUntilDrained(cluster, probe, corpus);
            elapsed = gate.Elapsed;
            SquallRun.ThrowOnErrors(cluster);
            cluster.KillTopology(SquallRun.TopologyName);
        }

        if (probe.FailedCount > 0)
        {
            Console.Error.WriteLine($"{Name}: {probe.FailedCount} sentence trees failed and were replayed");
        }

        return WordCountResults.Create(Name, corpus, probe.Passes, elapsed, WordChecksum.Combine(probe.Checksums));
    }

    private void WaitUntilDrained(LocalCluster cluster, WordCountProbe probe, WordCorpus corpus)
    {
        while (true)
        {
            var passes = probe.Passes;
            if (passes > 0 && (acked
                ? probe.AckedCount >= passes * corpus.Sentences.LongLength
                : SquallRun.Executed(cluster, "count") >= passes * corpus.WordsPerPass))
            {
                return;
            }

            Thread.Sleep(PollInterval);
        }
    }
}
