using Squall.Perf.Corpus;
using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Peers;

/// <summary>
/// What the multi-threaded peers share: the clock starts before the pipeline is built and stops after it
/// has drained, so start-up and drain are part of the measured time, as they would be for Squall; and
/// the final counts, held per partition, are checked through the sum of their checksums.
/// </summary>
internal abstract class PipelinePeerWorkload(string name) : IWorkload
{
    public string Name { get; } = name;

    public bool IsPeer => true;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var corpus = context.Corpus;
        var gate = new PassGate(context.Options.Duration);
        var partitionChecksums = RunPipelineAsync(corpus.Sentences, gate, context.Options.Parallelism).GetAwaiter().GetResult();
        var elapsed = gate.Elapsed;
        return WordCountResults.Create(Name, corpus, gate.Passes, elapsed, WordChecksum.Combine(partitionChecksums));
    }

    /// <summary>
    /// Feeds whole passes over <paramref name="sentences"/> while <paramref name="gate"/> allows, waits
    /// until every word is counted, and returns the checksum of each count partition.
    /// </summary>
    protected abstract Task<ulong[]> RunPipelineAsync(string[] sentences, PassGate gate, int parallelism);
}
