using Squall.Metrics;

namespace Squall.Runtime.Tests.Api;

/// <summary>A metrics consumer created by type name: records into a queue keyed by the test's id.</summary>
public sealed class RecordingConsumer : IMetricsConsumer
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<DataPoint>> ById = new();
    private static readonly ConcurrentDictionary<string, object?> Arguments = new();
    private ConcurrentQueue<DataPoint> _points = new();

    public static IReadOnlyList<DataPoint> Points(string id) => [.. ById.GetOrAdd(id, _ => new())];

    public static object? Argument(string id) => Arguments.GetValueOrDefault(id);

    public void Prepare(Config conf, object? registrationArgument, MetricsConsumerContext context)
    {
        var id = conf.GetString("test.consumer.id") ?? "none";
        _points = ById.GetOrAdd(id, _ => new());
        Arguments[id] = registrationArgument;
    }

    public void HandleDataPoints(MetricsTaskInfo taskInfo, IReadOnlyList<DataPoint> dataPoints)
    {
        foreach (var point in dataPoints)
        {
            _points.Enqueue(point);
        }
    }

    public void Cleanup()
    {
    }
}
