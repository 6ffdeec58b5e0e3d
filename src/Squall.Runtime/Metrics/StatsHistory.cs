namespace Squall.Runtime.Metrics;

/// <summary>
/// Rolling windows without per-tuple cost: tasks only keep cumulative counters, and this history keeps
/// samples of them — for each window, at most <see cref="Buckets"/> samples spaced a bucket apart (10 s for
/// 10 minutes, 3 min for 3 hours, 24 min for a day). A window's value is "now minus the oldest sample still
/// inside the window" (or minus zero while the worker is younger than the window), so it is exact up to one
/// bucket at its far edge, and the span it really covers is reported with it. Storm rolls bucketed counters
/// on every tuple instead.
/// </summary>
/// <remarks>Not thread-safe: the owner serializes <see cref="Record"/> and <see cref="Baseline"/>.</remarks>
internal sealed class StatsHistory
{
    public const int Buckets = 60;

    private readonly DateTimeOffset _start;
    private readonly List<StatsWindow> _windows;
    private readonly Queue<(DateTimeOffset At, Dictionary<int, TaskSample> Samples)>[] _rings;

    public StatsHistory(DateTimeOffset start, IReadOnlyList<StatsWindow> windows)
    {
        _start = start;
        _windows = [.. windows.Where(w => w.Length != TimeSpan.MaxValue)];
        _rings = [.. _windows.Select(_ => new Queue<(DateTimeOffset, Dictionary<int, TaskSample>)>())];
    }

    /// <summary>The bucket of the shortest window: how often <see cref="Record"/> should be called.</summary>
    public TimeSpan Period => _windows.Count == 0 ? TimeSpan.FromSeconds(10) : _windows.Min(w => w.Length) / Buckets;

    public void Record(DateTimeOffset now, Dictionary<int, TaskSample> samples)
    {
        for (var i = 0; i < _windows.Count; i++)
        {
            var ring = _rings[i];
            var bucket = _windows[i].Length / Buckets;
            // A little slack so a timer firing a hair early still fills its bucket.
            if (ring.Count == 0 || now - ring.Last().At >= bucket * 0.9)
            {
                ring.Enqueue((now, samples));
            }

            while (ring.Count > 0 && ring.Peek().At < now - _windows[i].Length)
            {
                ring.Dequeue();
            }
        }
    }

    /// <summary>The sample a window starts from and when it was taken; all-time (or a young worker) starts from zero at start.</summary>
    public (DateTimeOffset At, Func<int, TaskSample> Sample) Baseline(StatsWindow window, DateTimeOffset now)
    {
        var index = _windows.IndexOf(window);
        if (index < 0 || now - _start <= window.Length)
        {
            return (_start, _ => TaskSample.Zero);
        }

        foreach (var (at, samples) in _rings[index])
        {
            if (at >= now - window.Length)
            {
                return (at, task => samples.GetValueOrDefault(task, TaskSample.Zero));
            }
        }

        // No sample inside the window (the timer stalled): the newest one is the best baseline there is.
        var (last, lastSamples) = _rings[index].Count > 0 ? _rings[index].Last() : (_start, []);
        return (last, task => lastSamples.GetValueOrDefault(task, TaskSample.Zero));
    }
}
