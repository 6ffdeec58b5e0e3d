namespace Squall.Runtime.Tests.Support;

/// <summary>
/// The calls a component's task received, in order, and whether two of them ever overlapped (a task's
/// methods must run on one thread at a time).
/// </summary>
internal sealed class LifecycleLog
{
    private readonly ConcurrentQueue<string> _events = new();
    private int _inside;
    private int _overlaps;

    public int Overlaps => Volatile.Read(ref _overlaps);

    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>The events without acks and with repeats of the same call collapsed: the lifecycle's shape.</summary>
    public IReadOnlyList<string> Shape()
    {
        var shape = new List<string>();
        foreach (var e in _events)
        {
            if (e != "Ack" && (shape.Count == 0 || shape[^1] != e))
            {
                shape.Add(e);
            }
        }

        return shape;
    }

    public void Enter(string name)
    {
        if (Interlocked.Exchange(ref _inside, 1) != 0)
        {
            Interlocked.Increment(ref _overlaps);
        }

        _events.Enqueue(name);
    }

    public void Exit() => Volatile.Write(ref _inside, 0);

    public int CountOf(string name) => _events.Count(e => e == name);
}
