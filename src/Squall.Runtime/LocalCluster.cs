using Squall.Runtime.Metrics;

namespace Squall.Runtime;

/// <summary>
/// Runs topologies inside this process, as Storm's LocalCluster does: for development and tests, with the
/// same engine, groupings and guarantees as a real worker.
/// </summary>
public sealed class LocalCluster : IDisposable
{
    private readonly LocalClusterOptions _options;
    private readonly Dictionary<string, RunningTopology> _topologies = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Creates a local cluster on the system clock.</summary>
    public LocalCluster()
        : this(new LocalClusterOptions())
    {
    }

    /// <summary>Creates a local cluster with <paramref name="options"/>.</summary>
    public LocalCluster(LocalClusterOptions options) => _options = options;

    /// <summary>The names of the running topologies.</summary>
    public IReadOnlyList<string> TopologyNames
    {
        get
        {
            lock (_lock)
            {
                return [.. _topologies.Keys];
            }
        }
    }

    /// <summary>Validates the configuration and starts the topology, active; disposing the result kills it.</summary>
    public LocalTopology SubmitTopology(string name, Config conf, StormTopology topology)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(conf);
        ArgumentNullException.ThrowIfNull(topology);
        var effective = new Config(conf) { [Config.TopologyName] = name };
        var warning = TopologyConfigValidator.Validate(effective);
        var running = new RunningTopology(name, effective, topology, _options);
        lock (_lock)
        {
            if (!_topologies.TryAdd(name, running))
            {
                throw new InvalidOperationException($"A topology named '{name}' is already running.");
            }
        }

        if (warning is not null)
        {
            _options.Log?.Invoke($"WARN topology '{name}': {warning}");
        }

        running.Start(active: true);
        return new LocalTopology(this, name);
    }

    /// <summary>Starts calling NextTuple on the topology's spouts again.</summary>
    public void Activate(string name) => Get(name).Activate();

    /// <summary>
    /// Storm's "debug" action: logs <paramref name="samplingPct"/> % of the emits, acks and fails of the topology
    /// (or of one <paramref name="component"/>, whose switch then wins over the topology's) to the event log the
    /// UI shows. Throws <see cref="ArgumentException"/> for an unknown component or a percentage outside 0–100,
    /// and <see cref="InvalidOperationException"/> when <c>topology.eventlogger.executors</c> is 0.
    /// </summary>
    public void Debug(string name, string? component, bool enable, double samplingPct) =>
        Get(name).SetDebug(component, new EventLogging.SamplingSetting(enable, samplingPct));

    /// <summary>Stops calling NextTuple on the topology's spouts; bolts keep draining.</summary>
    public void Deactivate(string name) => Get(name).Deactivate();

    /// <summary>Changes executor counts (within each component's fixed task count) without restarting tasks.</summary>
    public void Rebalance(string name, IReadOnlyDictionary<string, int> executors) =>
        Get(name).RebalanceAsync(executors).GetAwaiter().GetResult();

    /// <summary>Kills the topology at once.</summary>
    public void KillTopology(string name) => KillTopologyAsync(name, 0).GetAwaiter().GetResult();

    /// <summary>Deactivates the topology, waits <paramref name="waitSecs"/> (so in-flight trees can finish), then stops it.</summary>
    public async Task KillTopologyAsync(string name, int waitSecs)
    {
        var running = Get(name);
        running.Deactivate();
        if (waitSecs > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(waitSecs), _options.Time).ConfigureAwait(false);
        }

        lock (_lock)
        {
            _topologies.Remove(name);
        }

        await running.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The errors the topology's components reported, oldest first.</summary>
    public IReadOnlyList<ComponentError> GetErrors(string name) => Get(name).Errors;

    /// <summary>The topology's status, per-component and per-executor counters, and errors (Storm's <c>getTopologyInfo</c>).</summary>
    public TopologyInfo GetTopologyInfo(string name) => Get(name).Info();

    /// <summary>The running topologies (Storm's <c>getClusterInfo</c>).</summary>
    public ClusterInfo GetClusterInfo()
    {
        List<RunningTopology> running;
        lock (_lock)
        {
            running = [.. _topologies.Values];
        }

        return new ClusterInfo(1, [.. running.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Summary())]);
    }

    /// <summary>Per-component counters of the topology.</summary>
    public IReadOnlyList<ComponentStats> GetStats(string name) => Get(name).Stats();

    /// <summary>
    /// Storm's built-in stats of the topology — per task, stream and window — with its shape, state and last
    /// errors: what the local-mode UI shows.
    /// </summary>
    public LocalTopologyInfo GetTopologyStats(string name)
    {
        var running = Get(name);
        return new LocalTopologyInfo(
            running.Name,
            running.IsActive,
            running.Started,
            running.Conf.NumWorkers,
            running.Conf.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            running.Reports());
    }

    /// <summary>Kills every topology.</summary>
    public void Shutdown()
    {
        foreach (var name in TopologyNames)
        {
            KillTopology(name);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Shutdown();

    private RunningTopology Get(string name)
    {
        lock (_lock)
        {
            return _topologies.TryGetValue(name, out var running)
                ? running
                : throw new KeyNotFoundException($"No topology named '{name}' is running.");
        }
    }
}
