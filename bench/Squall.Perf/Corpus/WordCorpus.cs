namespace Squall.Perf.Corpus;

/// <summary>
/// The word-count corpus held in memory: one string per sentence, words separated by single spaces,
/// with the exact word count and the one-pass checksum computed once at load time.
/// </summary>
internal sealed class WordCorpus
{
    public WordCorpus(string path, string[] sentences)
    {
        Path = path;
        Sentences = sentences;
        (WordsPerPass, DistinctWords, OnePassChecksum) = CountReference(sentences);
    }

    public string Path { get; }

    public string[] Sentences { get; }

    public long WordsPerPass { get; }

    public int DistinctWords { get; }

    public ulong OnePassChecksum { get; }

    public ulong ExpectedChecksum(long passes) => WordChecksum.Repeat(OnePassChecksum, passes);

    /// <summary>
    /// Counts by scanning spans rather than string.Split, so the reference does not share its code path
    /// with the peers it judges.
    /// </summary>
    private static (long Words, int Distinct, ulong Checksum) CountReference(string[] sentences)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        long words = 0;
        foreach (var sentence in sentences)
        {
            foreach (var range in sentence.AsSpan().Split(' '))
            {
                var word = sentence.AsSpan(range);
                if (word.IsEmpty)
                {
                    continue;
                }

                lookup[word] = lookup.TryGetValue(word, out var count) ? count + 1 : 1;
                words++;
            }
        }

        return (words, counts.Count, WordChecksum.Of(counts));
    }
}
