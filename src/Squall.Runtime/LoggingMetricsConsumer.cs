using System.Globalization;
using Squall.Metrics;

namespace Squall.Runtime;

/// <summary>
/// Writes every data point to the worker's log, one line each (Storm's <c>LoggingMetricsConsumer</c>, which
/// writes them to <c>metrics.log</c>): <c>config.RegisterMetricsConsumer(typeof(LoggingMetricsConsumer))</c>.
/// </summary>
public sealed class LoggingMetricsConsumer : IMetricsConsumer
{
    private Action<string> _log = _ => { };

    /// <inheritdoc/>
    public void Prepare(Config conf, object? registrationArgument, MetricsConsumerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _log = context.Log;
    }

    /// <inheritdoc/>
    public void HandleDataPoints(MetricsTaskInfo taskInfo, IReadOnlyList<DataPoint> dataPoints)
    {
        ArgumentNullException.ThrowIfNull(taskInfo);
        ArgumentNullException.ThrowIfNull(dataPoints);
        foreach (var point in dataPoints)
        {
            _log(string.Create(CultureInfo.InvariantCulture,
                $"METRICS {taskInfo.Timestamp:O} {taskInfo.SrcWorkerHost}:{taskInfo.SrcWorkerPort} {taskInfo.SrcTaskId,4}:{taskInfo.SrcComponentId,-12} {point}"));
        }
    }

    /// <inheritdoc/>
    public void Cleanup()
    {
    }
}
