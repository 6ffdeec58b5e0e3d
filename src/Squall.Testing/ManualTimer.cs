namespace Squall.Testing;

/// <summary>A timer of a <see cref="ManualTimeProvider"/>: it fires only inside <see cref="ManualTimeProvider.Advance"/>.</summary>
internal sealed class ManualTimer : ITimer
{
    private readonly ManualTimeProvider _owner;
    private readonly TimerCallback _callback;
    private readonly object? _state;

    public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
    {
        _owner = owner;
        _callback = callback;
        _state = state;
    }

    public DateTimeOffset? Due { get; set; }

    public long Sequence { get; set; }

    public TimeSpan Period { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
        _owner.Schedule(this, dueTime == Timeout.InfiniteTimeSpan ? null : _owner.Now() + dueTime);
        return true;
    }

    public void Fire() => _callback(_state);

    public void Dispose() => _owner.Schedule(this, null);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
