namespace Squall.Metrics;

/// <summary>
/// A metric a component registers with <see cref="TopologyContext.RegisterMetric{T}"/> (Storm's <c>IMetric</c>):
/// every time bucket, on the task's thread, its value is taken and reset, and sent to the metrics consumers.
/// </summary>
public interface IMetric
{
    /// <summary>The value for the bucket that just ended (null to report nothing), resetting for the next.</summary>
    object? GetValueAndReset();
}
