using System.Collections;
using System.Threading.Channels;
using Squall.Metrics;

namespace Squall.Runtime.UserMetrics;

/// <summary>
/// The metrics consumers of one worker (<c>topology.metrics.consumer.register</c>): each registration becomes one
/// consumer instance, fed on a thread of its own so a slow consumer (a remote store) never stalls an executor.
/// </summary>
internal sealed class MetricsConsumers : IDisposable
{
    private readonly List<IMetricsConsumer> _consumers = [];
    private readonly Channel<(MetricsTaskInfo Info, IReadOnlyList<DataPoint> Points)> _queue =
        Channel.CreateUnbounded<(MetricsTaskInfo, IReadOnlyList<DataPoint>)>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Action<Exception> _reportError;
    private readonly Task _pump;

    private MetricsConsumers(List<IMetricsConsumer> consumers, Action<Exception> reportError)
    {
        _consumers = consumers;
        _reportError = reportError;
        _pump = consumers.Count == 0 ? Task.CompletedTask : Task.Factory.StartNew(Pump, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Creates and prepares the registered consumers; throws <see cref="InvalidTopologyException"/> naming a bad registration.</summary>
    public static MetricsConsumers From(Config conf, string topologyId, Action<string> log, Action<Exception> reportError)
    {
        var consumers = new List<IMetricsConsumer>();
        var context = new MetricsConsumerContext(topologyId, log, reportError);
        foreach (var (type, argument) in Registrations(conf))
        {
            var consumer = Activator.CreateInstance(type) as IMetricsConsumer
                ?? throw new InvalidTopologyException($"Configuration '{Config.TopologyMetricsConsumerRegister}': '{type.FullName}' does not implement {nameof(IMetricsConsumer)}.");
            consumer.Prepare(conf, argument, context);
            consumers.Add(consumer);
        }

        return new MetricsConsumers(consumers, reportError);
    }

    public bool Any => _consumers.Count > 0;

    public void Publish(MetricsTaskInfo info, IReadOnlyList<DataPoint> points)
    {
        if (_consumers.Count > 0)
        {
            _queue.Writer.TryWrite((info, points));
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _pump.Wait(TimeSpan.FromSeconds(30));
        foreach (var consumer in _consumers)
        {
            try
            {
                consumer.Cleanup();
            }
            catch (Exception e)
            {
                _reportError(e);
            }
        }
    }

    private static IEnumerable<(Type Type, object? Argument)> Registrations(Config conf)
    {
        if (!conf.TryGetValue(Config.TopologyMetricsConsumerRegister, out var value) || value is null)
        {
            yield break;
        }

        if (value is not IEnumerable entries || value is string)
        {
            throw new InvalidTopologyException($"Configuration '{Config.TopologyMetricsConsumerRegister}' must be a list of maps with a 'class', but is {value}.");
        }

        foreach (var entry in entries)
        {
            var map = entry as IDictionary ?? throw new InvalidTopologyException($"Configuration '{Config.TopologyMetricsConsumerRegister}': each entry must be a map with a 'class', not {entry}.");
            var name = Convert.ToString(map["class"], System.Globalization.CultureInfo.InvariantCulture);
            var type = (name is null ? null : Transport.SerializerRegistryFactory.FindType(name))
                ?? throw new InvalidTopologyException($"Configuration '{Config.TopologyMetricsConsumerRegister}': class '{name}' was not found.");
            yield return (type, map.Contains("argument") ? map["argument"] : null);
        }
    }

    private async Task Pump()
    {
        await foreach (var (info, points) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var consumer in _consumers)
            {
                try
                {
                    consumer.HandleDataPoints(info, points);
                }
                catch (Exception e)
                {
                    _reportError(e);
                }
            }
        }
    }
}
