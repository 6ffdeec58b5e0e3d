namespace Squall.Multilang.Tests.Support;

/// <summary>A thread-safe record of what a component did, with waits that wake on each new event (no sleeps).</summary>
public abstract class Recorder
{
    private readonly object _gate = new();
    private readonly List<int> _threads = [];
    private readonly List<Exception> _errors = [];

    public IReadOnlyList<Exception> Errors => Snapshot(_errors);

    /// <summary>The managed ids of the threads that called the collector.</summary>
    public IReadOnlyList<int> CallerThreads => Snapshot(_threads);

    public void Record(Action change)
    {
        lock (_gate)
        {
            _threads.Add(Environment.CurrentManagedThreadId);
            change();
            Monitor.PulseAll(_gate);
        }
    }

    protected IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }

    protected void AddError(Exception error) => Record(() => _errors.Add(error));

    /// <summary>Waits until <paramref name="condition"/> holds; fails with what was recorded after <paramref name="timeoutSecs"/>.</summary>
    public void WaitUntil(Func<bool> condition, double timeoutSecs = 8, string? what = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSecs);
        lock (_gate)
        {
            while (!condition())
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}. Recorded: {Describe()}");
                }

                Monitor.Wait(_gate, left);
            }
        }
    }

    protected abstract string Describe();

    protected string DescribeErrors() => string.Join("\n---\n", _errors.Select(e => e.Message));
}
