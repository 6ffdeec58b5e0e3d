using System.Collections.Concurrent;

namespace MultilangWordCount;

/// <summary>The counts every count task adds to, read by the console and by tests (local mode: one process).</summary>
public sealed class WordCounts
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();

    public void Add(string word) => _counts.AddOrUpdate(word, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, long>> Top(int n) =>
        _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(n);
}
