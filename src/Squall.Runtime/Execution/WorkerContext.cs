using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>What every executor of one worker shares: the layout, options, clock, error sink and routing table.</summary>
internal sealed class WorkerContext
{
    public WorkerContext(string topologyId, Config conf, TopologyOptions options, TaskLayout layout, TimeProvider time, Action<ComponentError> reportError)
    {
        TopologyId = topologyId;
        Conf = conf;
        Options = options;
        Layout = layout;
        Time = time;
        ReportErrorSink = reportError;
        ExecutorOfTask = new int[layout.MaxTaskId + 1];
        Events = new EventLogging.EventLog(options.EventLoggers is not 0);
        FailedTrees = new TupleTrees.FailedTreeLog(this);
    }

    private long _flushEpoch;

    public string TopologyId { get; }

    public Config Conf { get; }

    public TopologyOptions Options { get; }

    public TaskLayout Layout { get; }

    public TimeProvider Time { get; }

    private Action<ComponentError> ReportErrorSink { get; }

    /// <summary>The topology's serializers (<c>topology.kryo.register</c> and the fallback), built once per worker.</summary>
    public Wire.Codec.SerializerRegistry Serializers => _serializers ??= Transport.SerializerRegistryFactory.From(Conf);

    private Wire.Codec.SerializerRegistry? _serializers;

    /// <summary>The metrics components register (and the consumers they go to); null in bare test contexts.</summary>
    public UserMetrics.UserMetricsHub? UserMetrics { get; set; }

    /// <summary>This worker's listening port, once known (0 for a single worker).</summary>
    public Func<int>? Port { get; set; }

    /// <summary>This worker's event logger: the debug options its tasks sample by, and the sampled events.</summary>
    public EventLogging.EventLog Events { get; }

    /// <summary>This worker's flight recorders of acked trees and the failed trees assembled from them.</summary>
    public TupleTrees.FailedTreeLog FailedTrees { get; }

    /// <summary>Where log lines go (<c>topology.debug</c>); null discards them.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Indexed by task id: the index of the executor (and of its inbox) running that task.</summary>
    public int[] ExecutorOfTask { get; }

    /// <summary>A spout or bolt task of each other worker: where a failed tree is announced, so each worker assembles its part.</summary>
    public int[] TaskInEachOtherWorker { get; set; } = [];

    /// <summary>
    /// Where each executor index delivers: this worker's inboxes first, then one link per other worker.
    /// Replaced as a whole on rebalance.
    /// </summary>
    public IBatchSink[] Sinks { get; set; } = [];

    /// <summary>
    /// Bumped every <c>topology.batch.flush.interval.millis</c> by the worker's flush timer: a spout's burst
    /// ends (and its emits are flushed) as soon as this moves, so one volatile read per NextTuple call tells
    /// a slow call from a fast one without reading the clock.
    /// </summary>
    public long FlushEpoch => Volatile.Read(ref _flushEpoch);

    public void TickFlush() => Interlocked.Increment(ref _flushEpoch);

    public void ReportError(string componentId, int taskId, Exception error) =>
        ReportErrorSink(new ComponentError(componentId, taskId, Time.GetUtcNow(), error));
}
