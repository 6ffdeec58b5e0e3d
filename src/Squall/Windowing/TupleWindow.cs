namespace Squall.Windowing;

/// <summary>
/// The tuples a windowed bolt sees on one activation: all tuples now in the window, those that entered it since the previous
/// activation, and those that left the window since then. Valid only during the <see cref="IWindowedBolt.Execute"/> call.
/// </summary>
public sealed class TupleWindow
{
    internal TupleWindow(IReadOnlyList<Tuple> tuples, IReadOnlyList<Tuple> newTuples, IReadOnlyList<Tuple> expired, long? startTimestamp, long endTimestamp)
    {
        Tuples = tuples;
        NewTuples = newTuples;
        ExpiredTuples = expired;
        StartTimestamp = startTimestamp;
        EndTimestamp = endTimestamp;
    }

    /// <summary>
    /// Where the window starts (exclusive), in milliseconds since the epoch, for time-length windows: <see cref="EndTimestamp"/> minus the
    /// window length. Null for count windows.
    /// </summary>
    public long? StartTimestamp { get; }

    /// <summary>Where the window ends (inclusive), in milliseconds since the epoch: processing time or, for event-time windows, event time.</summary>
    public long EndTimestamp { get; }

    private IReadOnlyList<Tuple> Tuples { get; }

    private IReadOnlyList<Tuple> NewTuples { get; }

    private IReadOnlyList<Tuple> ExpiredTuples { get; }

    /// <summary>Every tuple in the window, oldest first.</summary>
    public IReadOnlyList<Tuple> Get() => Tuples;

    /// <summary>The tuples in this window that were not in the previous activation's window.</summary>
    public IReadOnlyList<Tuple> GetNew() => NewTuples;

    /// <summary>The tuples that left the window since the previous activation (already acked).</summary>
    public IReadOnlyList<Tuple> GetExpired() => ExpiredTuples;
}
