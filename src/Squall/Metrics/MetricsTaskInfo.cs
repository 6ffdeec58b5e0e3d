namespace Squall.Metrics;

/// <summary>Where and when data points were taken (Storm's <c>IMetricsConsumer.TaskInfo</c>).</summary>
/// <param name="SrcWorkerHost">The worker's host.</param>
/// <param name="SrcWorkerPort">The worker's port (0 for a single local worker).</param>
/// <param name="SrcComponentId">The component.</param>
/// <param name="SrcTaskId">The task.</param>
/// <param name="Timestamp">When the bucket ended.</param>
/// <param name="UpdateIntervalSecs">The bucket's length.</param>
public sealed record MetricsTaskInfo(string SrcWorkerHost, int SrcWorkerPort, string SrcComponentId, int SrcTaskId, DateTimeOffset Timestamp, int UpdateIntervalSecs);
