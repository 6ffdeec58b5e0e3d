using System.Collections.Concurrent;
using Squall.Windowing;

namespace Squall.State.Tests.Topologies;

/// <summary>What a <see cref="RecordingWindowBolt"/> saw, shared with the test: each activation and each commit; and a switch to fail a checkpoint.</summary>
public sealed class WindowRecorder
{
    private readonly ConcurrentQueue<string> _activations = new();
    private int _commits;
    private int _failNextPrepare;

    /// <summary>Each activation as <c>window|new|expired</c>, the tuples' first values concatenated.</summary>
    public IReadOnlyList<string> Activations => [.. _activations];

    public int Commits => Volatile.Read(ref _commits);

    /// <summary>Makes the next PREPARE throw, so the checkpoint fails and the spout rolls the bolts back.</summary>
    public void FailNextPrepare() => Volatile.Write(ref _failNextPrepare, 1);

    public void Activated(TupleWindow window) => _activations.Enqueue(
        $"{Concat(window.Get())}|{Concat(window.GetNew())}|{Concat(window.GetExpired())}");

    public void Preparing()
    {
        if (Interlocked.Exchange(ref _failNextPrepare, 0) == 1)
        {
            throw new InvalidOperationException("prepare failed on purpose");
        }
    }

    public void Committing() => Interlocked.Increment(ref _commits);

    private static string Concat(IEnumerable<Tuple> tuples) => string.Concat(tuples.Select(t => t.GetValue(0)));
}
