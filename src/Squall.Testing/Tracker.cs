namespace Squall.Testing;

/// <summary>
/// What the <see cref="TrackingHook"/>s of one tracked topology observe: every emit (per component and stream)
/// and how many tuples were sent and executed, for idle detection. Updated from executor threads.
/// </summary>
internal sealed class Tracker
{
    /// <summary>The configuration key naming the tracker a topology's hooks report to.</summary>
    public const string IdKey = "squall.testing.tracker.id";

    private static readonly ConcurrentDictionary<string, Tracker> Registry = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Component, string Stream, Values Values)> _emits = new();
    private long _sent;
    private long _executed;

    private Tracker(string id) => Id = id;

    public string Id { get; }

    /// <summary>Tuples sent to a bolt task (one per target of each emit).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Tuples (not ticks) whose Execute returned.</summary>
    public long Executed => Interlocked.Read(ref _executed);

    public static Tracker Create()
    {
        var tracker = new Tracker(Guid.NewGuid().ToString("N"));
        Registry[tracker.Id] = tracker;
        return tracker;
    }

    public static Tracker? Find(string? id) => id is not null && Registry.TryGetValue(id, out var t) ? t : null;

    public void Remove() => Registry.TryRemove(Id, out _);

    public void Emitted(string component, EmitInfo info)
    {
        _emits.Enqueue((component, info.Stream, info.Values));
        Interlocked.Add(ref _sent, info.OutTasks.Count);
    }

    public void ExecutedOne() => Interlocked.Increment(ref _executed);

    public IReadOnlyList<Values> Tuples(string component, string stream) =>
        [.. _emits.Where(e => e.Component == component && e.Stream == stream).Select(e => e.Values)];

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<Values>>> All() =>
        _emits.GroupBy(e => e.Component, StringComparer.Ordinal).ToDictionary(
            c => c.Key,
            c => (IReadOnlyDictionary<string, IReadOnlyList<Values>>)c.GroupBy(e => e.Stream, StringComparer.Ordinal)
                .ToDictionary(s => s.Key, s => (IReadOnlyList<Values>)[.. s.Select(e => e.Values)], StringComparer.Ordinal),
            StringComparer.Ordinal);
}
