using Squall.Metrics;

namespace Squall;

public sealed partial class TopologyContext
{
    private readonly List<MetricRegistration> _metrics = [];

    /// <summary>The metrics this task registered.</summary>
    internal IReadOnlyList<MetricRegistration> MetricRegistrations => _metrics;

    /// <summary>Lets the runtime publish a metric as soon as it is registered.</summary>
    internal Action<TopologyContext, MetricRegistration>? MetricRegistered { get; set; }

    /// <summary>
    /// Registers <paramref name="metric"/>: every <paramref name="timeBucketSizeInSecs"/> its value is taken
    /// (and reset) on this task's thread and sent to the metrics consumers (Storm's <c>registerMetric</c>).
    /// </summary>
    public T RegisterMetric<T>(string name, T metric, int timeBucketSizeInSecs)
        where T : IMetric
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeBucketSizeInSecs, 1);
        Add(name, metric, timeBucketSizeInSecs);
        return metric;
    }

    /// <summary>Registers a running count (Storm 2's <c>registerCounter</c>).</summary>
    public Counter RegisterCounter(string name) => Add(name, new Counter(), null);

    /// <summary>Registers a value read when metrics are collected (Storm 2's <c>registerGauge</c>).</summary>
    public void RegisterGauge<T>(string name, Func<T> gauge)
    {
        ArgumentNullException.ThrowIfNull(gauge);
        Add<Func<object?>>(name, () => gauge(), null);
    }

    /// <summary>Registers a distribution (Storm 2's <c>registerHistogram</c>).</summary>
    public Histogram RegisterHistogram(string name) => Add(name, new Histogram(), null);

    /// <summary>Registers an event rate (Storm 2's <c>registerMeter</c>).</summary>
    public Meter RegisterMeter(string name) => Add(name, new Meter(), null);

    private T Add<T>(string name, T metric, int? bucketSecs)
        where T : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_metrics.Exists(m => m.Name == name))
        {
            throw new ArgumentException($"Task {ThisTaskId} of '{ThisComponentId}' already registered a metric named '{name}'.", nameof(name));
        }

        var registration = new MetricRegistration(name, metric, bucketSecs);
        _metrics.Add(registration);
        MetricRegistered?.Invoke(this, registration);
        return metric;
    }
}
