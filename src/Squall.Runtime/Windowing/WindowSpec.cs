namespace Squall.Runtime.Windowing;

/// <summary>
/// A windowed bolt's window, read once from its configuration: a length and a sliding interval, each in tuples or in
/// milliseconds, and for event-time windows the lag and the watermark interval.
/// </summary>
internal sealed record WindowSpec
{
    /// <summary>Storm's default watermark interval: one second.</summary>
    public const long DefaultWatermarkIntervalMs = 1000;

    public int? LengthCount { get; init; }

    public long? LengthMs { get; init; }

    public int? SlideCount { get; init; }

    public long? SlideMs { get; init; }

    /// <summary>Windows by event time (a timestamp field or extractor) rather than by processing time.</summary>
    public bool EventTime { get; init; }

    public long LagMs { get; init; }

    public long WatermarkIntervalMs { get; init; } = DefaultWatermarkIntervalMs;

    /// <summary>The window's tuples are saved with each checkpoint and acked once saved (a stateful windowed bolt's persistence).</summary>
    public bool Persistent { get; init; }

    /// <summary>The longest a tuple stays in the window, when both length and slide are durations: what the message timeout must cover.</summary>
    public long? MaxHoldMs => LengthMs is { } length && SlideMs is { } slide ? length + slide : null;

    public override string ToString() =>
        $"window {(LengthCount is { } c ? $"{c} tuples" : $"{LengthMs} ms")} sliding every {(SlideCount is { } s ? $"{s} tuples" : $"{SlideMs} ms")}" +
        (EventTime ? $" by event time (lag {LagMs} ms, watermark every {WatermarkIntervalMs} ms)" : " by processing time") +
        (Persistent ? ", persistent" : "");
}
