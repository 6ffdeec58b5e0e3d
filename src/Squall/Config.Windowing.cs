namespace Squall;

/// <summary>Storm's keys for windowed and stateful bolts (set by <see cref="Windowing.BaseWindowedBolt"/> and by the user).</summary>
public sealed partial class Config
{
    /// <summary>A windowed bolt's window length, in tuples.</summary>
    public const string TopologyBoltsWindowLengthCount = "topology.bolts.window.length.count";

    /// <summary>A windowed bolt's window length, in milliseconds.</summary>
    public const string TopologyBoltsWindowLengthDurationMs = "topology.bolts.window.length.duration.ms";

    /// <summary>A windowed bolt's sliding interval, in tuples.</summary>
    public const string TopologyBoltsSlidingIntervalCount = "topology.bolts.window.sliding.interval.count";

    /// <summary>A windowed bolt's sliding interval, in milliseconds.</summary>
    public const string TopologyBoltsSlidingIntervalDurationMs = "topology.bolts.window.sliding.interval.duration.ms";

    /// <summary>The field holding a tuple's event time (milliseconds since the epoch) for event-time windows.</summary>
    public const string TopologyBoltsTupleTimestampFieldName = "topology.bolts.tuple.timestamp.field.name";

    /// <summary>How far out of order (milliseconds) event timestamps may arrive.</summary>
    public const string TopologyBoltsTupleTimestampMaxLagMs = "topology.bolts.tuple.timestamp.max.lag.ms";

    /// <summary>How often (milliseconds) watermarks advance event time.</summary>
    public const string TopologyBoltsWatermarkEventIntervalMs = "topology.bolts.watermark.event.interval.ms";

    /// <summary>The stream late tuples are emitted on (field <c>late_tuple</c>) instead of being dropped.</summary>
    public const string TopologyBoltsLateTupleStream = "topology.bolts.late.tuple.stream";

    /// <summary>
    /// Squall's own key (Storm's <c>withPersistence()</c>): a stateful windowed bolt saves its window's tuples with each checkpoint
    /// and acks them once saved, rather than when they leave the window. Set by <see cref="Stateful.BaseStatefulWindowedBolt{T}.WithPersistence"/>.
    /// </summary>
    public const string TopologyBoltsWindowPersistent = "topology.bolts.window.persistent";

    /// <summary>Milliseconds between checkpoints of stateful bolts.</summary>
    public const string TopologyStateCheckpointIntervalMs = "topology.state.checkpoint.interval.ms";

    /// <summary>The state provider: <c>memory</c>, <c>postgres</c>, <c>redis</c>, or an assembly-qualified type name.</summary>
    public const string TopologyStateProvider = "topology.state.provider";

    /// <summary>The state provider's settings (a JSON object as a string, or a map).</summary>
    public const string TopologyStateProviderConfig = "topology.state.provider.config";
}
