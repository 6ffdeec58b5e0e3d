namespace Squall.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test calls <see cref="Advance"/>. Timers due
/// within an advance fire synchronously, in due order, on the caller's thread, each seeing the clock at its
/// own due time; so a test is the single time driver and never waits on the wall clock.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Starts the clock at <paramref name="start"/>, or at 2000-01-01 UTC.</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far the clock has moved since construction.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way, in
    /// order of due time (then of creation), with the clock set to each one's due time while it runs.
    /// </summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + delta;
        }

        while (NextDue(target) is { } timer)
        {
            timer.Fire();
        }

        lock (_lock)
        {
            Elapsed += target - _now;
            _now = target;
        }
    }

    internal void Schedule(ManualTimer timer, DateTimeOffset? due)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            timer.Due = due;
            if (due is not null)
            {
                timer.Sequence = _sequence++;
                _timers.Add(timer);
            }
        }
    }

    internal DateTimeOffset Now()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    // Picks the earliest timer due by the target, moves the clock to its due time and reschedules it
    // (periodic) or removes it (one-shot) before it runs, so a callback that changes its timer wins.
    private ManualTimer? NextDue(DateTimeOffset target)
    {
        lock (_lock)
        {
            ManualTimer? next = null;
            foreach (var timer in _timers)
            {
                if (timer.Due <= target && (next is null || timer.Due < next.Due || (timer.Due == next.Due && timer.Sequence < next.Sequence)))
                {
                    next = timer;
                }
            }

            if (next is null)
            {
                return null;
            }

            var due = next.Due!.Value;
            Elapsed += due - _now;
            _now = due;
            _timers.Remove(next);
            next.Due = next.Period > TimeSpan.Zero ? due + next.Period : null;
            if (next.Due is not null)
            {
                next.Sequence = _sequence++;
                _timers.Add(next);
            }

            return next;
        }
    }
}
