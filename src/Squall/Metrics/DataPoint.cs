namespace Squall.Metrics;

/// <summary>One metric's value for one bucket (Storm's <c>IMetricsConsumer.DataPoint</c>).</summary>
/// <param name="Name">The registered name.</param>
/// <param name="Value">The value (a number, or a map for multi-valued metrics).</param>
public sealed record DataPoint(string Name, object? Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value is IDictionary<string, object?> map
        ? $"{Name} = {{{string.Join(", ", map.Select(p => $"{p.Key}: {p.Value}"))}}}"
        : $"{Name} = {Value}";
}
