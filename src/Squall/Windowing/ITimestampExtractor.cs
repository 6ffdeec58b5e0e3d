namespace Squall.Windowing;

/// <summary>Derives a tuple's event time (milliseconds since the epoch) for event-time windows, e.g. from a nested field.</summary>
public interface ITimestampExtractor
{
    /// <summary>The event time of <paramref name="tuple"/>, in milliseconds since the Unix epoch.</summary>
    long ExtractTimestamp(Tuple tuple);
}
