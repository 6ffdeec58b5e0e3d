using Squall.Perf.Corpus;

namespace Squall.Perf.Workloads;

/// <summary>
/// What a run gets: the options, and the corpus, which is loaded on first use only (the const-* and
/// latency workloads never touch it) and then shared by every run in the invocation.
/// </summary>
internal sealed class WorkloadContext
{
    private readonly Lazy<WordCorpus> _corpus;

    public WorkloadContext(PerfOptions options)
    {
        Options = options;
        _corpus = new Lazy<WordCorpus>(() => CorpusSource.Load(options.CorpusFile, options.Sentences));
    }

    public PerfOptions Options { get; }

    public WordCorpus Corpus => _corpus.Value;
}
