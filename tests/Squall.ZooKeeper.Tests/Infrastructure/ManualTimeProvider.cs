using System.Threading.Channels;

namespace Squall.ZooKeeper.Tests.Infrastructure;

/// <summary>
/// Time that moves only when a test calls <see cref="Advance"/>. Timers fire synchronously inside Advance.
/// <see cref="WaitForTimerAsync"/> lets a test wait until code under test has armed a timer, so it never
/// advances past a timer that does not exist yet.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();
    private long _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _now);

    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks(GetTimestamp());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes once a timer due in exactly <paramref name="dueIn"/> has been armed.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueIn)
    {
        while (await _armed.Reader.ReadAsync().AsTask().WaitAsync(Wait.Long) != dueIn)
        {
        }
    }

    public void Advance(TimeSpan by)
    {
        var target = GetTimestamp() + by.Ticks;
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    Interlocked.Exchange(ref _now, target);
                    return;
                }

                Interlocked.Exchange(ref _now, Math.Max(GetTimestamp(), next.DueAt));
                next.Rearm();
            }

            next.Fire();
        }
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = GetTimestamp() + dueTime.Ticks;
                _timers.Add(timer);
            }
        }

        _armed.Writer.TryWrite(dueTime);
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public long DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            owner.Schedule(this, dueTime);
            return true;
        }

        /// <summary>Called under the owner's lock when the timer fires: periodic timers go round again.</summary>
        public void Rearm()
        {
            owner._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period.Ticks;
                owner._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
