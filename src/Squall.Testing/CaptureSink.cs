namespace Squall.Testing;

/// <summary>Where the tasks of a <see cref="CaptureBolt"/> record what they receive; pass it through the factory closure.</summary>
public sealed class CaptureSink
{
    private readonly ConcurrentQueue<Received> _received = new();

    /// <summary>Tuples received so far, over all tasks.</summary>
    public int Count => _received.Count;

    /// <summary>Everything received so far, in arrival order per task.</summary>
    public IReadOnlyList<Received> All => [.. _received];

    /// <summary>What each task received so far.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Received>> ByTask() =>
        _received.GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => (IReadOnlyList<Received>)[.. g]);

    /// <summary>Waits until at least <paramref name="count"/> tuples arrived.</summary>
    public void WaitForCount(int count) => Wait.Until(() => Count >= count, $"{count} tuples captured (have {Count})");

    internal void Add(Received received) => _received.Enqueue(received);
}
