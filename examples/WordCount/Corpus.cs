namespace WordCount;

/// <summary>The sentences to count: a corpus file (one sentence per line, e.g. from bench/make-corpus.py) or a built-in set.</summary>
public static class Corpus
{
    public static IReadOnlyList<string> BuiltIn { get; } =
    [
        "the cow jumped over the moon",
        "an apple a day keeps the doctor away",
        "four score and seven years ago",
        "snow white and the seven dwarfs",
        "i am at two with nature",
        "the quick brown fox jumps over the lazy dog",
        "storm processes unbounded streams of data",
        "every tuple is processed or replayed",
    ];

    public static IReadOnlyList<string> Load(string? path) =>
        path is null ? BuiltIn : File.ReadLines(path).Where(l => l.Length > 0).ToArray();
}
