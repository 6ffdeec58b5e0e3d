using System.Threading.Tasks.Dataflow;
using Squall.Perf.Corpus;
using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Peers;

/// <summary>
/// Word count as a TPL Dataflow user writes it: SendAsync sentences into a bounded TransformManyBlock
/// that splits them (one message per word), linked with predicates to one ActionBlock per hash
/// partition, each counting into its own dictionary. Defaults are left as a user leaves them
/// (EnsureOrdered stays on); capacities are bounded so memory stays flat and back-pressure reaches the source.
/// </summary>
internal sealed class PeerDataflowWorkload() : PipelinePeerWorkload("peer-dataflow")
{
    private const int SplitCapacity = 1_000;
    private const int CountCapacity = 10_000;

    protected override async Task<ulong[]> RunPipelineAsync(string[] sentences, PassGate gate, int parallelism)
    {
        var split = new TransformManyBlock<string, string>(
            sentence => sentence.Split(' '),
            new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = parallelism, BoundedCapacity = SplitCapacity });

        var partitions = new Dictionary<string, long>[parallelism];
        var counters = new ActionBlock<string>[parallelism];
        for (var p = 0; p < parallelism; p++)
        {
            var counts = partitions[p] = [];
            counters[p] = new ActionBlock<string>(
                word =>
                {
                    counts.TryGetValue(word, out var count);
                    counts[word] = count + 1;
                },
                new ExecutionDataflowBlockOptions { BoundedCapacity = CountCapacity });
            var partition = p;
            split.LinkTo(counters[p], new DataflowLinkOptions { PropagateCompletion = true },
                word => WordPartitioner.PartitionOf(word, parallelism) == partition);
        }

        while (gate.TryStartPass())
        {
            foreach (var sentence in sentences)
            {
                // False only if the block has stopped accepting (faulted): fail rather than count short.
                if (!await split.SendAsync(sentence))
                {
                    break;
                }
            }
        }

        split.Complete();
        await Task.WhenAll(counters.Select(c => c.Completion));
        return [.. partitions.Select(WordChecksum.Of)];
    }
}
