namespace Squall.Windowing;

/// <summary>A window length or sliding interval measured in tuples.</summary>
/// <param name="Value">How many tuples; at least 1.</param>
public readonly record struct Count(int Value)
{
    /// <summary>A count of <paramref name="value"/> tuples.</summary>
    public static Count Of(int value) => new(value);
}
