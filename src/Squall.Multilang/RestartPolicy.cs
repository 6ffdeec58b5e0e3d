namespace Squall.Multilang;

/// <summary>
/// When a dead child may be relaunched: at once after a crash, then with doubling back-off (1 s … 30 s) while
/// launches keep failing, so a missing interpreter or script does not spin the executor.
/// </summary>
internal sealed class RestartPolicy
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private TimeSpan _delay = TimeSpan.Zero;
    private long _lastFailure;

    public bool MayTry(TimeProvider time) => _delay == TimeSpan.Zero || time.GetElapsedTime(_lastFailure) >= _delay;

    public void Succeeded() => _delay = TimeSpan.Zero;

    public void Failed(TimeProvider time)
    {
        _lastFailure = time.GetTimestamp();
        _delay = _delay == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaxDelay.Ticks));
    }
}
