namespace RollingTopWords;

/// <summary>
/// The live ranking, shared in-process by the ranking bolt (writer) and the console and web page (readers). Readers wait for
/// <see cref="Changed"/> rather than poll.
/// </summary>
public sealed class RankingBoard
{
    private readonly Lock _lock = new();
    private Ranking _current = new(0, []);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Ranking Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Completes at the next <see cref="Publish"/>.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    public void Publish(Ranking ranking)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _current = ranking;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
