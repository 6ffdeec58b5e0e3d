using Squall.Perf.Corpus;
using Squall.Perf.Timing;

namespace Squall.Perf.Workloads;

/// <summary>
/// Turns a finished word-count run (passes made, time taken, checksum of the final counts) into a
/// result. Tuples are sentences, as the spout emits them in Storm's word count; words/s is the headline.
/// Squall's wordcount workload should use this too, so its numbers are computed the same way.
/// </summary>
internal static class WordCountResults
{
    public static WorkloadResult Create(string workload, WordCorpus corpus, long passes, TimeSpan elapsed, ulong checksum) =>
        new(workload, Rate.PerSecond(passes * corpus.Sentences.LongLength, elapsed))
        {
            WordsPerSec = Rate.PerSecond(passes * corpus.WordsPerPass, elapsed),
            Checksum = checksum,
            ExpectedChecksum = corpus.ExpectedChecksum(passes),
        };
}
