namespace ReliableWordCount;

/// <summary>What the spout saw: acks, and failures by reason.</summary>
public sealed class ReplayLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private long _acked;

    public long AckedCount => Interlocked.Read(ref _acked);

    public int FailedCount
    {
        get
        {
            lock (_lock)
            {
                return _reasons.Values.Sum();
            }
        }
    }

    public IReadOnlyDictionary<string, int> Reasons()
    {
        lock (_lock)
        {
            return new Dictionary<string, int>(_reasons);
        }
    }

    public void Acked() => Interlocked.Increment(ref _acked);

    public void Failed(FailureReason reason)
    {
        var key = reason.Kind == FailureKind.TimedOut ? "timed out" : $"{reason.ComponentId}: {reason.Message}";
        lock (_lock)
        {
            _reasons[key] = _reasons.GetValueOrDefault(key) + 1;
        }
    }
}
