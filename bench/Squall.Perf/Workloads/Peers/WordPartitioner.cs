namespace Squall.Perf.Workloads.Peers;

/// <summary>
/// Picks a word's count partition in the peers. string.GetHashCode is what a user reaches for and is
/// fine within one process; Squall's fields grouping must hash stably across processes instead.
/// </summary>
internal static class WordPartitioner
{
    public static int PartitionOf(string word, int partitions) =>
        (int)((uint)word.GetHashCode() % (uint)partitions);
}
