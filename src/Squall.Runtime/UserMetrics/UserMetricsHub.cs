using System.Diagnostics.Metrics;
using Squall.Metrics;
using SdmMeter = System.Diagnostics.Metrics.Meter;

namespace Squall.Runtime.UserMetrics;

/// <summary>
/// The metrics components register through their <see cref="TopologyContext"/>, for one worker: publishes each
/// through <c>System.Diagnostics.Metrics</c> (meter <see cref="MeterName"/>, instrument <c>squall.user.NAME</c>,
/// tagged with topology, component and task) and, every time bucket, has each task collect its values on its
/// own thread and hands them to the metrics consumers (<see cref="MetricsConsumers"/>).
/// </summary>
/// <remarks>
/// Collection runs on the executor threads because Storm's metrics (<see cref="IMetric.GetValueAndReset"/>)
/// are not thread-safe: a timer per bucket size asks every executor for a collection, exactly like ticks.
/// The built-in per-task statistics live elsewhere (Runtime/Metrics); nothing here touches the hot path.
/// </remarks>
internal sealed class UserMetricsHub : IDisposable
{
    public const string MeterName = "Squall.User";

    private readonly string _topologyId;
    private readonly TimeProvider _time;
    private readonly int _defaultBucketSecs;
    private readonly SdmMeter _meter = new(MeterName);
    private readonly Lock _lock = new();
    private readonly List<(TopologyContext Context, MetricRegistration Registration)> _all = [];
    private readonly Dictionary<string, object> _instruments = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ITimer> _timers = [];
    private readonly Dictionary<(int Task, string Name), object?> _lastValues = [];

    public UserMetricsHub(string topologyId, Config conf, TimeProvider time, MetricsConsumers consumers)
    {
        _topologyId = topologyId;
        _time = time;
        _defaultBucketSecs = conf.GetInt("topology.builtin.metrics.bucket.size.secs", (int)Config.GetDefault("topology.builtin.metrics.bucket.size.secs")!);
        Consumers = consumers;
    }

    public MetricsConsumers Consumers { get; }

    /// <summary>Asks every executor to collect the metrics of the given bucket size; set by the worker runtime.</summary>
    public Action<int>? RequestCollect { get; set; }

    public void Attach(TopologyContext context) => context.MetricRegistered = Registered;

    /// <summary>On a task's executor thread: takes the values of its metrics of <paramref name="bucketSecs"/> and reports them.</summary>
    public void Collect(TopologyContext context, int bucketSecs, Action<Exception> reportError)
    {
        var points = new List<DataPoint>();
        foreach (var registration in context.MetricRegistrations)
        {
            if ((registration.BucketSecs ?? _defaultBucketSecs) != bucketSecs)
            {
                continue;
            }

            try
            {
                var value = ValueOf(registration.Metric, bucketSecs);
                if (value is not null)
                {
                    points.Add(new DataPoint(registration.Name, value));
                    lock (_lock)
                    {
                        _lastValues[(context.ThisTaskId, registration.Name)] = value;
                    }
                }
            }
            catch (Exception e)
            {
                reportError(e);
            }
        }

        if (points.Count > 0)
        {
            var info = new MetricsTaskInfo("localhost", context.ThisWorkerPort, context.ThisComponentId, context.ThisTaskId, _time.GetUtcNow(), bucketSecs);
            Consumers.Publish(info, points);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        Consumers.Dispose();
        _meter.Dispose();
    }

    private static object? ValueOf(object metric, int bucketSecs) => metric switch
    {
        IMetric m => m.GetValueAndReset(),
        Counter c => c.Count,
        Squall.Metrics.Meter m => MeterValue(m, bucketSecs),
        Squall.Metrics.Histogram h => h.SnapshotAndReset(),
        Func<object?> gauge => gauge(),
        _ => null,
    };

    private static Dictionary<string, object?> MeterValue(Squall.Metrics.Meter meter, int bucketSecs)
    {
        var count = meter.Count;
        var previous = meter.LastReported;
        meter.LastReported = count;
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["count"] = count, ["rate"] = (count - previous) / (double)bucketSecs };
    }

    private void Registered(TopologyContext context, MetricRegistration registration)
    {
        lock (_lock)
        {
            _all.Add((context, registration));
            var bucket = registration.BucketSecs ?? _defaultBucketSecs;
            if (!_timers.ContainsKey(bucket))
            {
                var every = TimeSpan.FromSeconds(bucket);
                _timers[bucket] = _time.CreateTimer(_ => RequestCollect?.Invoke(bucket), null, every, every);
            }

            Publish(context, registration);
        }
    }

    /// <summary>Creates the System.Diagnostics.Metrics instrument for the registration's name, once per name.</summary>
    private void Publish(TopologyContext context, MetricRegistration registration)
    {
        var name = "squall.user." + registration.Name;
        if (registration.Metric is Squall.Metrics.Histogram histogram)
        {
            if (!_instruments.TryGetValue(name, out var existing))
            {
                existing = _meter.CreateHistogram<long>(name, description: $"Registered by {context.ThisComponentId}");
                _instruments[name] = existing;
            }

            var instrument = (Histogram<long>)existing;
            var tags = Tags(context);
            histogram.Recorded = value => instrument.Record(value, tags);
            return;
        }

        if (_instruments.ContainsKey(name))
        {
            return;
        }

        _instruments[name] = registration.Metric switch
        {
            Counter or Squall.Metrics.Meter => _meter.CreateObservableCounter(name, () => Observe(registration.Name, m => m switch
            {
                Counter c => c.Count,
                Squall.Metrics.Meter m2 => m2.Count,
                _ => (double?)null,
            })),
            _ => _meter.CreateObservableGauge(name, () => Observe(registration.Name, Number)),
        };
    }

    /// <summary>Live values for counters and meters; for gauges and bucketed metrics, the last collected value.</summary>
    private List<Measurement<double>> Observe(string metricName, Func<object, double?> live)
    {
        lock (_lock)
        {
            var measurements = new List<Measurement<double>>();
            foreach (var (context, registration) in _all)
            {
                if (registration.Name != metricName)
                {
                    continue;
                }

                var value = live(registration.Metric)
                    ?? (_lastValues.TryGetValue((context.ThisTaskId, metricName), out var last) ? Number(last!) : null);
                if (value is { } v)
                {
                    measurements.Add(new Measurement<double>(v, Tags(context)));
                }
            }

            return measurements;
        }
    }

    private static double? Number(object value) => value switch
    {
        IConvertible c when value is not string and not bool => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private KeyValuePair<string, object?>[] Tags(TopologyContext context) =>
    [
        new("topology", _topologyId),
        new("component", context.ThisComponentId),
        new("task", context.ThisTaskId),
    ];
}
