namespace Squall.Runtime.Windowing;

/// <summary>
/// Event time's clock for one windowed task: the highest timestamp seen on each input stream; the watermark is the lowest of
/// those minus the lag (no stream can still deliver anything older, given the lag). Pure: the executor calls
/// <see cref="Compute"/> every watermark interval.
/// </summary>
internal sealed class WatermarkTracker
{
    private readonly long _lagMs;
    private readonly Dictionary<(string Component, string Stream), long> _latest = [];

    public WatermarkTracker(long lagMs, IEnumerable<(string Component, string Stream)> inputStreams)
    {
        _lagMs = lagMs;
        foreach (var stream in inputStreams)
        {
            _latest[stream] = long.MinValue;
        }
    }

    /// <summary>Notes <paramref name="timestamp"/> seen on a stream.</summary>
    public void Track(string component, string stream, long timestamp)
    {
        var key = (component, stream);
        if (!_latest.TryGetValue(key, out var latest) || timestamp > latest)
        {
            _latest[key] = timestamp;
        }
    }

    /// <summary>The watermark, or null while some input stream has delivered nothing yet.</summary>
    public long? Compute()
    {
        var min = long.MaxValue;
        foreach (var latest in _latest.Values)
        {
            if (latest == long.MinValue)
            {
                return null;
            }

            min = Math.Min(min, latest);
        }

        return _latest.Count == 0 ? null : min - _lagMs;
    }
}
