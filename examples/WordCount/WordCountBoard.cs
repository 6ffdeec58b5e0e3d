namespace WordCount;

/// <summary>
/// Where the count tasks of this process publish snapshots of their counts, for the console report and
/// for tests. Each task owns a disjoint set of words (fields grouping), so the board simply unions them.
/// </summary>
public sealed class WordCountBoard
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Dictionary<string, long>> _byTask = [];

    public void Publish(int taskId, IReadOnlyDictionary<string, long> counts)
    {
        var copy = new Dictionary<string, long>(counts, StringComparer.Ordinal);
        lock (_lock)
        {
            _byTask[taskId] = copy;
        }
    }

    /// <summary>Every word with its count, merged over tasks.</summary>
    public Dictionary<string, long> Counts()
    {
        lock (_lock)
        {
            var merged = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var counts in _byTask.Values)
            {
                foreach (var (word, count) in counts)
                {
                    merged[word] = merged.GetValueOrDefault(word) + count;
                }
            }

            return merged;
        }
    }

    public IReadOnlyList<KeyValuePair<string, long>> Top(int n) =>
        [.. Counts().OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(n)];
}
