namespace Squall.Runtime.EventLogging;

/// <summary>One debug switch of Storm's UI: on or off, and the percentage of tuples sampled while on.</summary>
/// <param name="Enabled">Whether events are logged.</param>
/// <param name="SamplingPct">The percentage (0–100) of emits, acks and fails logged while enabled.</param>
public readonly record struct SamplingSetting(bool Enabled, double SamplingPct)
{
    /// <summary>The percentage in effect: 0 when off.</summary>
    public double Percent => Enabled ? SamplingPct : 0;
}
