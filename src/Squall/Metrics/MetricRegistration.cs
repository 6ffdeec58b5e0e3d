namespace Squall.Metrics;

/// <summary>One metric a task registered; the runtime reads these to publish and report them.</summary>
/// <param name="Name">The metric's name, unique within the task.</param>
/// <param name="Metric">An <see cref="IMetric"/>, <see cref="Counter"/>, <see cref="Histogram"/>, <see cref="Meter"/>, or a gauge's <c>Func&lt;object?&gt;</c>.</param>
/// <param name="BucketSecs">How often it is reported; null for the topology's bucket size.</param>
internal sealed record MetricRegistration(string Name, object Metric, int? BucketSecs);
