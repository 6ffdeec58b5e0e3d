namespace Squall.Metrics;

/// <summary>Reports whatever was last assigned (Storm's <c>AssignableMetric</c>); it is not reset.</summary>
/// <param name="value">The initial value.</param>
public sealed class AssignableMetric(object? value) : IMetric
{
    private object? _value = value;

    /// <summary>Sets the value to report.</summary>
    public void SetValue(object? value) => _value = value;

    /// <inheritdoc/>
    public object? GetValueAndReset() => _value;
}
