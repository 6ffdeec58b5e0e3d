using System.Collections.Concurrent;
using System.Net;
using Squall.Runtime.Execution;
using Squall.Runtime.Metrics;
using Squall.Runtime.Transport;
using Squall.Wire.Transport;

namespace Squall.Runtime;

/// <summary>
/// One worker of a topology: its share of the executors (a pure function of the topology, its
/// configuration and the worker count), a listener for the other workers, and a link to each of them.
/// </summary>
public sealed class Worker : IAsyncDisposable
{
    private readonly WorkerOptions _options;
    private readonly WorkerContext _context;
    private readonly WorkerRuntime _runtime;
    private readonly EnvelopeCodec _codec;
    private readonly ConcurrentQueue<ComponentError> _errors = new();
    private readonly WireServer? _server;
    private readonly WorkerReceiver? _receiver;
    private readonly WorkerMeter _meter;
    private readonly WorkerStats _stats;
    private RemoteSink[] _links = [];
    // Replaced whole, never changed once published: the listener reads it at every handshake without a lock.
    private volatile Dictionary<string, long> _peerEpochs = [];

    private Worker(WorkerOptions options)
    {
        _options = options;
        // As in Storm, the conf every task sees holds every default, so e.g. MessageTimeoutSecs reads 30 unset.
        var conf = options.Conf.WithDefaults();
        var topologyOptions = TopologyOptions.From(conf);
        var layout = new TaskLayout(options.Topology, topologyOptions.Ackers);
        _context = new WorkerContext(options.TopologyId, conf, topologyOptions, layout, options.Time, error =>
        {
            _errors.Enqueue(error);
            _stats?.OnError(error);
            options.OnError?.Invoke(error);
        })
        {
            Log = options.Log,
        };
        _context.Port = () => Port;
        _context.UserMetrics = new UserMetrics.UserMetricsHub(
            options.TopologyId,
            conf,
            options.Time,
            UserMetrics.MetricsConsumers.From(conf, options.TopologyId, options.Log ?? (_ => { }), e => _context.ReportError("__metrics", -1, e)));
        _runtime = new WorkerRuntime(_context, options.WorkerIndex, options.WorkerCount);
        _codec = new EnvelopeCodec(layout, _context.Serializers);
        _meter = new WorkerMeter(options.TopologyId, GetStats);
        if (options.WorkerCount > 1)
        {
            _receiver = new WorkerReceiver(_context, _codec, () => _context.Sinks, _runtime.LocalExecutorCount);
            _server = new WireServer(
                new WireServerOptions { Address = IPAddress.Parse(options.BindHost), Port = options.Port, TopologyId = options.TopologyId, Secret = options.Secret, EpochOf = PeerEpoch, OnRefused = options.OnWarning },
                _receiver);
            _server.Start();
        }

        _stats = new WorkerStats(_context, _runtime, Port);
    }

    /// <summary>The port other workers connect to (0 for a single worker, which listens on none).</summary>
    public int Port => _server?.LocalEndPoint.Port ?? 0;

    /// <summary>Builds this worker's tasks and binds its listener; call <see cref="Start"/> once every worker's port is known.</summary>
    public static Worker Create(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.WorkerCount < 1 || options.WorkerIndex < 0 || options.WorkerIndex >= options.WorkerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Worker index {options.WorkerIndex} is not in 0..{options.WorkerCount - 1}.");
        }

        return new Worker(options);
    }

    /// <summary>Connects to the other workers (retrying until they listen) and starts the executors.</summary>
    /// <param name="workers">Every worker's address, by worker index (this one's included).</param>
    /// <param name="active">Whether the spouts start emitting.</param>
    /// <param name="epochs">The assignment epoch each worker presents, by index; null: every worker runs <see cref="WorkerOptions.Epoch"/>.</param>
    /// <remarks>The network runs on real time even when <see cref="WorkerOptions.Time"/> is a test clock: that clock drives ticks and timeouts, not socket backoff.</remarks>
    public void Start(IReadOnlyList<(string Host, int Port)> workers, bool active, IReadOnlyList<long>? epochs = null)
    {
        CheckPeers(workers, epochs);
        var capacity = Math.Max(4, _context.Options.ReceiveBufferSize / _context.Options.ProducerBatchSize);
        _links = [.. workers.Where((_, i) => i != _options.WorkerIndex).Select(w => new RemoteSink(
            new PeerConnectionOptions { Host = w.Host, Port = w.Port, TopologyId = _options.TopologyId, Secret = _options.Secret, Epoch = _options.Epoch, PeerName = PeerName(_options.WorkerIndex) },
            _codec,
            capacity,
            ReportUnencodable))];
        foreach (var link in _links)
        {
            link.Start();
        }

        _runtime.Start(active, _links);
        _receiver?.Started();
    }

    /// <summary>
    /// Follows an assignment in which this worker kept its place and epoch but others moved (their supervisor was
    /// lost): links to a moved worker go to its new address, and only its new epoch may connect here, so the old
    /// process of a moved worker is fenced while this one keeps running.
    /// </summary>
    public void UpdatePeers(IReadOnlyList<(string Host, int Port)> workers, IReadOnlyList<long> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        CheckPeers(workers, epochs);
        for (var i = 0; i < workers.Count; i++)
        {
            if (i != _options.WorkerIndex)
            {
                _links[i < _options.WorkerIndex ? i : i - 1].Retarget(workers[i].Host, workers[i].Port);
            }
        }
    }

    private void CheckPeers(IReadOnlyList<(string Host, int Port)> workers, IReadOnlyList<long>? epochs)
    {
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count != _options.WorkerCount || (epochs is not null && epochs.Count != _options.WorkerCount))
        {
            throw new ArgumentException($"Expected {_options.WorkerCount} worker endpoints and epochs, got {workers.Count} and {epochs?.Count}.", nameof(workers));
        }

        // Set before any link moves, so a moved worker's new process is welcome as soon as it is reached.
        _peerEpochs = epochs is null ? new Dictionary<string, long>() : new Dictionary<string, long>(epochs.Select((epoch, i) => KeyValuePair.Create(PeerName(i), epoch)), StringComparer.Ordinal);
    }

    private static string PeerName(int workerIndex) => $"worker-{workerIndex}";

    private long PeerEpoch(string peerName) => _peerEpochs.TryGetValue(peerName, out var epoch) ? epoch : _options.Epoch;

    /// <summary>Reports a tuple the link to another worker could not encode; the reason to fail its trees with, when acking is on.</summary>
    private FailureReason? ReportUnencodable(Messaging.Envelope envelope, Wire.Codec.WireEncodingException error)
    {
        var component = _context.Layout.ComponentOfTask[envelope.SourceTask];
        var stream = envelope.Tuple?.SourceStreamId ?? "?";
        var failure = SerializabilityCheck.Unserializable(component, stream, error.ValueType ?? typeof(object), error);
        _context.ReportError(component, envelope.SourceTask, failure);
        return _context.Options.AckingEnabled ? new FailureReason(FailureKind.Failed, component, envelope.SourceTask, failure.Message) : null;
    }

    /// <summary>Starts calling NextTuple on this worker's spouts.</summary>
    public void Activate() => _runtime.Activate();

    /// <summary>Stops calling NextTuple on this worker's spouts.</summary>
    public void Deactivate() => _runtime.Deactivate();

    /// <summary>Changes executor counts in place (single worker only).</summary>
    public void Rebalance(IReadOnlyDictionary<string, int> executors) => _runtime.Rebalance(executors);

    /// <summary>Whether debug sampling can be switched on (<c>topology.eventlogger.executors</c> is not 0).</summary>
    public bool EventLoggingEnabled => _context.Events.Enabled;

    /// <summary>The debug options this worker's tasks sample by (Storm's event logger); each task sees a change at its next event.</summary>
    public EventLogging.DebugOptions Debug
    {
        get => _context.Events.Options;
        set => _context.Events.Options = value ?? EventLogging.DebugOptions.Off;
    }

    /// <summary>This worker's counters, per task.</summary>
    internal IReadOnlyList<TaskMetrics> TaskMetrics => _runtime.TaskMetrics;

    /// <summary>This worker's executors with their counters (summed over each executor's tasks).</summary>
    public IReadOnlyList<ExecutorSummary> GetExecutors()
    {
        var metrics = TaskMetrics.ToDictionary(m => m.TaskId);
        return [.. _runtime.Executors.Select(e => new ExecutorSummary(
            e.Component,
            e.Tasks[0],
            e.Tasks[^1],
            _options.WorkerIndex,
            Port,
            StatsAggregator.Aggregate(e.Tasks.Where(metrics.ContainsKey).Select(t => metrics[t])).Single()))];
    }

    /// <summary>This worker's per-component counters.</summary>
    public IReadOnlyList<ComponentStats> GetStats() => StatsAggregator.Aggregate(TaskMetrics);

    /// <summary>Storm's built-in stats of this worker's tasks, per stream and window, with the last errors per component.</summary>
    public WorkerStatsReport GetStatsReport() => _stats.Report();

    /// <summary>The errors reported in this worker, oldest first.</summary>
    public IReadOnlyList<ComponentError> GetErrors() => [.. _errors];

    /// <summary>Stops the executors (calling Close/Cleanup), then the links and the listener.</summary>
    public async ValueTask DisposeAsync()
    {
        _meter.Dispose();
        _stats.Dispose();
        _runtime.Dispose();
        _context.UserMetrics?.Dispose();
        foreach (var link in _links)
        {
            await link.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
