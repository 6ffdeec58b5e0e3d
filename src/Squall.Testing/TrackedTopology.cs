namespace Squall.Testing;

/// <summary>
/// A topology whose every emit and execute is tracked (Storm's <c>TrackedTopology</c>): <see cref="WaitIdle"/>
/// returns once every tuple sent has been executed and nothing moved for a while (Storm's <c>trackedWait</c>),
/// and <see cref="ReadTuples"/> returns what each component emitted per stream. Disposing kills the topology.
/// </summary>
public sealed class TrackedTopology : IDisposable
{
    private readonly LocalCluster _cluster;
    private readonly Tracker _tracker;

    private TrackedTopology(LocalCluster cluster, string name, Tracker tracker)
    {
        _cluster = cluster;
        Name = name;
        _tracker = tracker;
    }

    /// <summary>The topology's name.</summary>
    public string Name { get; }

    /// <summary>Tuples sent to bolt tasks so far.</summary>
    public long Sent => _tracker.Sent;

    /// <summary>Tuples executed by bolts so far (ticks not counted).</summary>
    public long Executed => _tracker.Executed;

    /// <summary>Submits <paramref name="topology"/> with the tracking hook on every task.</summary>
    public static TrackedTopology Submit(LocalCluster cluster, string name, Config conf, StormTopology topology)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(conf);
        var tracker = Tracker.Create();
        var tracked = new Config(conf) { [Tracker.IdKey] = tracker.Id };
        tracked.AddAutoTaskHook(typeof(TrackingHook));
        try
        {
            cluster.SubmitTopology(name, tracked, topology);
        }
        catch
        {
            tracker.Remove();
            throw;
        }

        return new TrackedTopology(cluster, name, tracker);
    }

    /// <summary>
    /// Waits until <paramref name="sourcesDone"/> holds (e.g. a feeder's queue is empty), every tuple sent has been
    /// executed, and the counts stayed still over several checks. The timeout only bounds a hang.
    /// </summary>
    public void WaitIdle(Func<bool>? sourcesDone = null, TimeSpan? timeout = null)
    {
        var stableChecks = 0;
        var last = (-1L, -1L);
        Wait.Until(
            () =>
            {
                var now = (Sent, Executed);
                var idle = (sourcesDone?.Invoke() ?? true) && now.Sent == now.Executed && now == last;
                stableChecks = idle ? stableChecks + 1 : 0;
                last = now;
                return stableChecks >= 3;
            },
            $"topology '{Name}' idle (sent {Sent}, executed {Executed})",
            timeout);
    }

    /// <summary>The values <paramref name="component"/> emitted on <paramref name="stream"/>, in emit order per task.</summary>
    public IReadOnlyList<Values> ReadTuples(string component, string stream = Constants.DefaultStreamId) => _tracker.Tuples(component, stream);

    /// <summary>Everything emitted: component → stream → values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<Values>>> AllTuples() => _tracker.All();

    /// <summary>Kills the topology and forgets its tracker.</summary>
    public void Dispose()
    {
        try
        {
            if (_cluster.TopologyNames.Contains(Name))
            {
                _cluster.KillTopology(Name);
            }
        }
        finally
        {
            _tracker.Remove();
        }
    }
}
