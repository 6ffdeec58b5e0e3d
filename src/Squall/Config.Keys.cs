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

    /// <summary>The topology's name, set by the runtime.</summary>
    public const string TopologyName = "topology.name";

    /// <summary>Prefix of the keys that override a component's executor count (set by rebalance).</summary>
    public const string TopologyComponentExecutorsPrefix = "topology.component.executors.";

    /// <summary>The key overriding <paramref name="componentId"/>'s executor count.</summary>
    public static string ComponentExecutorsKey(string componentId) => TopologyComponentExecutorsPrefix + componentId;

    /// <summary>Every <c>topology.*</c> key Squall understands; any other is reported as unknown.</summary>
    public static IReadOnlySet<string> KnownTopologyKeys { get; } = WithStateAndWindowKeys(new HashSet<string>(StringComparer.Ordinal)
    {
        TopologyWorkers, TopologyDebug, TopologyAckerExecutors, TopologyMessageTimeoutSecs, TopologyMaxSpoutPending,
        TopologyTickTupleFreqSecs, TopologyMaxTaskParallelism, TopologyExecutorReceiveBufferSize,
        TopologyProducerBatchSize, TopologyTestingAlwaysTrySerialize, TopologyKryoRegister,
        TopologyMultilangSerializer, TopologySubprocessTimeoutSecs, TopologyShellBoltMaxPending,
        TopologyEnableMessageTimeouts, TopologyName,
        TopologyBatchFlushIntervalMillis, TopologySpoutRecvqSkips, TopologyWorkerExecutorThreads,
    });

    /// <summary>Keys in Storm's <c>topology.</c> namespace that Squall does not know (likely typos).</summary>
    public IReadOnlyList<string> UnknownKeys() =>
        Keys.Where(k => k.StartsWith("topology.", StringComparison.Ordinal) && !KnownTopologyKeys.Contains(k) && !k.StartsWith(TopologyComponentExecutorsPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
}
