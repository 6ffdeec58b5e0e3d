namespace Squall;

/// <summary>Storm's configuration key names; the one table of keys Squall understands.</summary>
public sealed partial class Config
{
    /// <summary>How many worker processes run the topology.</summary>
    public const string TopologyWorkers = "topology.workers";

    /// <summary>Log every emitted tuple.</summary>
    public const string TopologyDebug = "topology.debug";

    /// <summary>How many acker tasks run; 0 turns acking off (at-most-once).</summary>
    public const string TopologyAckerExecutors = "topology.acker.executors";

    /// <summary>Event loggers (debug sampling) per topology; 0 turns debug sampling off. Unset: one per worker.</summary>
    public const string TopologyEventLoggerExecutors = "topology.eventlogger.executors";

    /// <summary>Seconds a tuple tree may take before it fails.</summary>
    public const string TopologyMessageTimeoutSecs = "topology.message.timeout.secs";

    /// <summary>The most pending tuple trees per spout task.</summary>
    public const string TopologyMaxSpoutPending = "topology.max.spout.pending";

    /// <summary>Seconds between tick tuples.</summary>
    public const string TopologyTickTupleFreqSecs = "topology.tick.tuple.freq.secs";

    /// <summary>A cap on every component's executors.</summary>
    public const string TopologyMaxTaskParallelism = "topology.max.task.parallelism";

    /// <summary>Capacity of each executor's inbox, in tuples (rounded up to a power of two).</summary>
    public const string TopologyExecutorReceiveBufferSize = "topology.executor.receive.buffer.size";

    /// <summary>How many tuples a producer batches for one consumer before publishing.</summary>
    public const string TopologyProducerBatchSize = "topology.producer.batch.size";

    /// <summary>Encode every tuple even inside one worker, so codec problems surface in tests.</summary>
    public const string TopologyTestingAlwaysTrySerialize = "topology.testing.always.try.serialize";

    /// <summary>Serializers for user types: type name to serializer type name.</summary>
    public const string TopologyKryoRegister = "topology.kryo.register";

    /// <summary>The multilang serializer: json (default) or msgpack.</summary>
    public const string TopologyMultilangSerializer = "topology.multilang.serializer";

    /// <summary>Seconds a multilang subprocess may stay silent before it is killed.</summary>
    public const string TopologySubprocessTimeoutSecs = "topology.subprocess.timeout.secs";

    /// <summary>The most tuples a shell bolt has in flight to its subprocess.</summary>
    public const string TopologyShellBoltMaxPending = "topology.shellbolt.max.pending";

    /// <summary>Whether message timeouts are enforced.</summary>
    public const string TopologyEnableMessageTimeouts = "topology.enable.message.timeouts";

    /// <summary>
    /// Milliseconds within which a spout's emits leave its executor even when its batches are not full
    /// (Storm 2's flush interval); 0 flushes after every NextTuple call.
    /// </summary>
    public const string TopologyBatchFlushIntervalMillis = "topology.batch.flush.interval.millis";

    /// <summary>A spout's executor takes acks and control messages after every this many NextTuple calls of a burst.</summary>
    public const string TopologySpoutRecvqSkips = "topology.spout.recvq.skips";

    /// <summary>
    /// Squall's own key (not Storm's): the threads of a worker's pool that run its bolt and acker executors;
    /// default: the machine's cores.
    /// </summary>
    public const string TopologyWorkerExecutorThreads = "topology.worker.executor.threads";

    /// <summary>
    /// Squall's own key (not Storm's): run a bolt whose only input is a local-or-shuffle (or none) grouping
    /// from a component with as many tasks in the same workers inside its upstream's executor, each task
    /// paired with one upstream task, its tuples handed over by a direct call instead of a queue (Flink's
    /// operator chaining); default: true.
    /// </summary>
    public const string TopologyFusionEnable = "topology.fusion.enable";

    /// <summary>
    /// Squall's own key (not Storm's): edges of acked tuple trees each task remembers (emitted, acked, failed), so
    /// the UI can show a failed tuple's tree without debug sampling; 0 turns the recording off.
    /// </summary>
    public const string TopologyTupleTreeRecorderSize = "topology.tuple.tree.recorder.size";

    /// <summary>The topology's name, set by the runtime.</summary>
    public const string TopologyName = "topology.name";

    /// <summary>Skip <c>topology.kryo.register</c> entries whose types cannot be found instead of failing.</summary>
    public const string TopologySkipMissingKryoRegistrations = "topology.skip.missing.kryo.registrations";

    /// <summary>
    /// Serialize user types that have no registered serializer with the default serializer (MessagePack in
    /// Squall, Java serialization in Storm); false makes such a type fail its emit.
    /// </summary>
    public const string TopologyFallBackOnJavaSerialization = "topology.fall.back.on.java.serialization";

    /// <summary>Task hook type names (<c>ITaskHook</c> with a parameterless constructor) added to every task.</summary>
    public const string TopologyAutoTaskHooks = "topology.auto.task.hooks";

    /// <summary>Metrics consumers: a list of maps with <c>class</c> (an <c>IMetricsConsumer</c> type name) and optional <c>argument</c>.</summary>
    public const string TopologyMetricsConsumerRegister = "topology.metrics.consumer.register";


    /// <summary>Prefix of the keys that override a component's executor count (set by rebalance).</summary>
    public const string TopologyComponentExecutorsPrefix = "topology.component.executors.";

    /// <summary>The key overriding <paramref name="componentId"/>'s executor count.</summary>
    public static string ComponentExecutorsKey(string componentId) => TopologyComponentExecutorsPrefix + componentId;

    /// <summary>Every <c>topology.*</c> key Storm defines: all are accepted; see <see cref="IgnoredKeys"/> for those without effect.</summary>
    public static IReadOnlySet<string> KnownTopologyKeys { get; } = new HashSet<string>(TopologyKeys.ByKey.Keys, StringComparer.Ordinal);

    /// <summary>
    /// A new configuration holding every <c>topology.*</c> default (Storm's <c>defaults.yaml</c>, with Squall's
    /// differences), the base that the conf handed to <c>Open</c>/<c>Prepare</c> is merged onto.
    /// </summary>
    public static Config Defaults()
    {
        var conf = new Config();
        foreach (var row in TopologyKeys.WithDefaults)
        {
            conf[row.Key] = row.Default;
        }

        return conf;
    }

    /// <summary>The default of <paramref name="key"/> (null when it has none).</summary>
    public static object? GetDefault(string key) =>
        TopologyKeys.ByKey.TryGetValue(key, out var row) ? row.Default : null;

    /// <summary>This configuration on top of <see cref="Defaults"/>: what a task sees.</summary>
    public Config WithDefaults() => Defaults().With(this);

    /// <summary>Keys in Storm's <c>topology.</c> namespace that neither Storm nor Squall knows (likely typos).</summary>
    public IReadOnlyList<string> UnknownKeys() =>
        Keys.Where(k => k.StartsWith("topology.", StringComparison.Ordinal) && !KnownTopologyKeys.Contains(k) && !k.StartsWith(TopologyComponentExecutorsPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Storm keys set here to something other than their default that Squall accepts but does not act on.</summary>
    public IReadOnlyList<string> IgnoredKeys() =>
        Keys.Where(k => TopologyKeys.ByKey.TryGetValue(k, out var row) && row.Effect == KeyEffect.None && !SameValue(this[k], row.Default))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The known key nearest to <paramref name="key"/> (by edit distance), when one is close enough to be a likely typo.</summary>
    public static string? SuggestKey(string key) => KeySuggester.Nearest(key, KnownTopologyKeys);

    private static bool SameValue(object? value, object? defaultValue) =>
        Equals(value, defaultValue)
        || (value is not null && defaultValue is not null
            && string.Equals(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(defaultValue, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase));
}
