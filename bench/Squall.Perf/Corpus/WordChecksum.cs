namespace Squall.Perf.Corpus;

/// <summary>
/// The word-count checksum of bench/README.md: the sum over distinct words of count × FNV-1a-32(word),
/// mod 2^61. It is order-independent, so any partitioning of the counts gives the same value, and
/// R passes over the corpus give R × the one-pass checksum.
/// </summary>
internal static class WordChecksum
{
    private const ulong Modulus = 1UL << 61;

    public static uint Fnv1a32(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    /// <summary>Adds one word's contribution; UInt128 because count × hash can pass 2^64 on long runs.</summary>
    public static ulong Add(ulong checksum, string word, long count) =>
        (ulong)(((UInt128)checksum + (UInt128)(ulong)count * Fnv1a32(word)) % Modulus);

    public static ulong Of(IEnumerable<KeyValuePair<string, long>> counts)
    {
        ulong checksum = 0;
        foreach (var (word, count) in counts)
        {
            checksum = Add(checksum, word, count);
        }

        return checksum;
    }

    /// <summary>Combines the checksums of disjoint partitions (e.g. one per count task).</summary>
    public static ulong Combine(IEnumerable<ulong> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ulong checksum = 0;
        foreach (var partition in partitions)
        {
            checksum = (checksum + partition) % Modulus;
        }

        return checksum;
    }

    public static ulong Repeat(ulong onePass, long passes) =>
        (ulong)((UInt128)onePass * (ulong)passes % Modulus);
}
