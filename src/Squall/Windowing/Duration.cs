namespace Squall.Windowing;

/// <summary>A window length, sliding interval, lag or watermark interval measured in time.</summary>
/// <param name="Milliseconds">The length in milliseconds; at least 1.</param>
public readonly record struct Duration(long Milliseconds)
{
    /// <summary>A duration of <paramref name="value"/> milliseconds.</summary>
    public static Duration OfMilliseconds(long value) => new(value);

    /// <summary>A duration of <paramref name="value"/> seconds.</summary>
    public static Duration Seconds(long value) => new(value * 1000);

    /// <summary>A duration of <paramref name="value"/> minutes.</summary>
    public static Duration Minutes(long value) => new(value * 60_000);

    /// <summary>The same length as a <see cref="TimeSpan"/>.</summary>
    public static Duration From(TimeSpan span) => new((long)span.TotalMilliseconds);
}
