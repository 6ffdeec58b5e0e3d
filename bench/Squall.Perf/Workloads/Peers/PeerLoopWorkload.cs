using Squall.Perf.Corpus;
using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Peers;

/// <summary>
/// Word count as one thread and a dictionary, written the obvious way (string.Split, TryGetValue):
/// the floor any engine has to justify its overhead against.
/// </summary>
internal sealed class PeerLoopWorkload : IWorkload
{
    public string Name => "peer-loop";

    public bool IsPeer => true;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sentences = context.Corpus.Sentences;
        var counts = new Dictionary<string, long>();
        var gate = new PassGate(context.Options.Duration);
        while (gate.TryStartPass())
        {
            foreach (var sentence in sentences)
            {
                foreach (var word in sentence.Split(' '))
                {
                    counts.TryGetValue(word, out var count);
                    counts[word] = count + 1;
                }
            }
        }

        var elapsed = gate.Elapsed;
        return WordCountResults.Create(Name, context.Corpus, gate.Passes, elapsed, WordChecksum.Of(counts));
    }
}
