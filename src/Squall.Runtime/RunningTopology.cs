using System.Security.Cryptography;
using Squall.Runtime.EventLogging;
using Squall.Runtime.Execution;
using Squall.Runtime.Metrics;

namespace Squall.Runtime;

/// <summary>
/// A topology inside a <see cref="LocalCluster"/>: <c>topology.workers</c> workers in this process, connected
/// over loopback TCP when there is more than one, exactly as separate processes would be.
/// </summary>
internal sealed class RunningTopology : IAsyncDisposable
{
    private readonly LocalClusterOptions _options;
    private readonly StormTopology _topology;
    private Config _conf;
    private List<Worker> _workers = [];
    private readonly long _started;
    private DebugOptions _debug = DebugOptions.Off;

    public RunningTopology(string name, Config conf, StormTopology topology, LocalClusterOptions options)
    {
        Name = name;
        _conf = conf;
        _topology = topology;
        _options = options;
        _started = options.Time.GetTimestamp();
        Started = options.Time.GetUtcNow();
        TopologyConfigValidator.Validate(conf, topology);
    }

    public string Name { get; }

    public DateTimeOffset Started { get; }

    public bool IsActive { get; private set; }

    public Config Conf => _conf;

    public StormTopology Topology => _topology;

    public TopologyInfo Info() => new(
        Name,
        IsActive ? "ACTIVE" : "INACTIVE",
        _options.Time.GetElapsedTime(_started),
        _workers.Count,
        Stats(),
        [.. _workers.SelectMany(w => w.GetExecutors())],
        Errors);

    public TopologySummary Summary()
    {
        var executors = _workers.SelectMany(w => w.GetExecutors()).ToList();
        return new TopologySummary(Name, IsActive ? "ACTIVE" : "INACTIVE", _options.Time.GetElapsedTime(_started), _workers.Count, executors.Count, executors.Sum(e => e.TaskEnd - e.TaskStart + 1));
    }

    public IReadOnlyList<ComponentError> Errors => [.. _workers.SelectMany(w => w.GetErrors()).OrderBy(e => e.Time)];

    public void Start(bool active)
    {
        var count = _conf.NumWorkers;
        var secret = RandomNumberGenerator.GetBytes(32);
        _workers = [.. Enumerable.Range(0, count).Select(i => Worker.Create(new WorkerOptions
        {
            TopologyId = Name,
            Conf = _conf,
            Topology = _topology,
            WorkerIndex = i,
            WorkerCount = count,
            Secret = secret,
            Time = _options.Time,
            OnError = _options.OnError,
            Log = _options.Log,
        }))];
        _workers.ForEach(w => w.Debug = _debug);
        var endpoints = _workers.Select(w => ("127.0.0.1", w.Port)).ToList();
        _workers.ForEach(w => w.Start(endpoints, active));
        IsActive = active;
    }

    public void Activate()
    {
        _workers.ForEach(w => w.Activate());
        IsActive = true;
    }

    public void Deactivate()
    {
        _workers.ForEach(w => w.Deactivate());
        IsActive = false;
    }

    /// <summary>Storm's debug action: sets the topology's (or one component's) sampling switch on every worker.</summary>
    public void SetDebug(string? component, SamplingSetting setting)
    {
        if (_conf.GetNullableInt(Config.TopologyEventLoggerExecutors) == 0)
        {
            throw new InvalidOperationException($"Topology '{Name}' runs without an event logger ({Config.TopologyEventLoggerExecutors} is 0), so debug cannot be switched on.");
        }

        if (component is not null && !_topology.ById.ContainsKey(component))
        {
            throw new ArgumentException($"Topology '{Name}' has no component '{component}'.");
        }

        if (DebugOptions.CheckPercent(setting.SamplingPct) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        _debug = _debug.With(component, setting);
        _workers.ForEach(w => w.Debug = _debug);
    }

    /// <summary>
    /// One worker moves tasks to new executors in place, keeping their state; several workers restart with
    /// the new counts, as Storm does (in-flight trees fail and reliable spouts replay them).
    /// </summary>
    public async Task RebalanceAsync(IReadOnlyDictionary<string, int> executors)
    {
        if (_workers.Count == 1)
        {
            _workers[0].Rebalance(executors);
            return;
        }

        if (WorkerRuntime.CheckExecutorCounts(_topology, executors) is { Count: > 0 } problems)
        {
            throw new InvalidTopologyException(problems);
        }

        var conf = new Config(_conf);
        foreach (var (component, count) in executors)
        {
            conf[Config.ComponentExecutorsKey(component)] = count;
        }

        await DisposeAsync();
        _conf = conf;
        Start(active: true);
    }

    public IReadOnlyList<WorkerStatsReport> Reports() => [.. _workers.Select(w => w.GetStatsReport())];

    public IReadOnlyList<ComponentStats> Stats() => StatsAggregator.Aggregate(_workers.SelectMany(w => w.TaskMetrics));

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }
    }
}
