namespace Squall.Perf.Workloads.Squall;

/// <summary>How word count's split takes the sentences: shuffled over P tasks, or one task in a local chain, fused or not.</summary>
internal enum LocalSplit
{
    None,
    Fused,
    Unfused,
}
