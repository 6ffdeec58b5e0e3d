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
    }

    private long _flushEpoch;

    public string TopologyId { get; }

    public Config Conf { get; }

    public TopologyOptions Options { get; }

    public TaskLayout Layout { get; }

    public TimeProvider Time { get; }

    private Action<ComponentError> ReportErrorSink { get; }

    /// <summary>Indexed by task id: the index of the executor (and of its inbox) running that task.</summary>
    public int[] ExecutorOfTask { get; }

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
