namespace Squall.Metrics;

/// <summary>
/// Receives the registered metrics of every task (Storm's <c>IMetricsConsumer</c>), registered with
/// <c>topology.metrics.consumer.register</c> / <see cref="Config.RegisterMetricsConsumer"/>. In Squall each
/// worker runs one instance per registration, on its own thread (Storm runs it as a bolt).
/// </summary>
public interface IMetricsConsumer
{
    /// <summary>Called once before any data point; <paramref name="registrationArgument"/> is the registration's <c>argument</c>.</summary>
    void Prepare(Config conf, object? registrationArgument, MetricsConsumerContext context);

    /// <summary>The data points of one task for one time bucket.</summary>
    void HandleDataPoints(MetricsTaskInfo taskInfo, IReadOnlyList<DataPoint> dataPoints);

    /// <summary>Called when the worker shuts down.</summary>
    void Cleanup();
}
