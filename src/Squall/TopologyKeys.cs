namespace Squall;

/// <summary>
/// The one table of Storm's <c>topology.*</c> keys: every key Storm's <c>Config</c> defines, whether Squall
/// honours it, and its default. Every default in Squall is read from here (typed <see cref="Config"/>
/// properties, the runtime's options, the conf handed to <c>Open</c>/<c>Prepare</c>); nothing restates one.
/// </summary>
/// <remarks>
/// Defaults are Storm's (its <c>defaults.yaml</c>) except where a row says otherwise. A key with
/// <see cref="KeyEffect.None"/> is accepted so a ported configuration runs, and named in one warning at
/// submit when it is set to something other than its default.
/// </remarks>
internal static class TopologyKeys
{
    private static readonly KeyInfo[] Rows =
    [
        // What Squall honours.
        H(Config.TopologyWorkers, 1),
        H(Config.TopologyDebug, false),
        H(Config.TopologyAckerExecutors, null),
        H(Config.TopologyMessageTimeoutSecs, 30),
        H(Config.TopologyEnableMessageTimeouts, true),
        H(Config.TopologyMaxSpoutPending, null),
        H(Config.TopologyTickTupleFreqSecs, null),
        H(Config.TopologyMaxTaskParallelism, null),
        H(Config.TopologyExecutorReceiveBufferSize, 32768),

        // Storm's default is 0 (no event logger, so "debug" in the UI shows nothing until it is set). Squall's
        // event log is a small buffer per worker that costs nothing until debug is switched on, so it is always
        // there (null: one per worker); 0 still turns it off.
        H(Config.TopologyEventLoggerExecutors, null),

        // Storm's default is 1. Squall publishes every batch at the end of each executor loop however full it
        // is, so a large cap costs no latency at low rates and on 2 cores gave word count ~1.8x (bench/RESULTS.md).
        H(Config.TopologyProducerBatchSize, 1024),
        H(Config.TopologyTestingAlwaysTrySerialize, false),
        H(Config.TopologyKryoRegister, null),
        H(Config.TopologySkipMissingKryoRegistrations, false),

        // Storm's default is false (an unregistered type fails). Squall's fallback is MessagePack, not Java
        // serialization, and is on by default so plain records cross workers without registration.
        H(Config.TopologyFallBackOnJavaSerialization, true),
        H(Config.TopologyMultilangSerializer, "json"),
        H(Config.TopologyShellBoltMaxPending, 100),
        K(Config.TopologySubprocessTimeoutSecs, KeyEffect.Honoured),
        K(Config.TopologyAutoTaskHooks, KeyEffect.Honoured),
        K(Config.TopologyMetricsConsumerRegister, KeyEffect.Honoured),
        H(Config.TopologyBatchFlushIntervalMillis, 1),
        H(Config.TopologySpoutRecvqSkips, 3),

        // Squall's own: the threads of a worker's executor pool (null: one per core).
        H(Config.TopologyWorkerExecutorThreads, null),

        // Squall's own: fuse chains joined by local groupings into one executor (Execution/README.md).
        H(Config.TopologyFusionEnable, true),
        // Squall's own: per task, the last edges of acked trees (48 bytes each), for "why did this tuple fail?".
        H(Config.TopologyTupleTreeRecorderSize, 1024),

        // Windowed and stateful bolts.
        H(Config.TopologyStateCheckpointIntervalMs, 1000),
        K(Config.TopologyStateProvider, KeyEffect.Honoured),
        K(Config.TopologyStateProviderConfig, KeyEffect.Honoured),
        K(Config.TopologyBoltsWindowLengthCount, KeyEffect.Honoured),
        K(Config.TopologyBoltsWindowLengthDurationMs, KeyEffect.Honoured),
        K(Config.TopologyBoltsSlidingIntervalCount, KeyEffect.Honoured),
        K(Config.TopologyBoltsSlidingIntervalDurationMs, KeyEffect.Honoured),
        K(Config.TopologyBoltsTupleTimestampFieldName, KeyEffect.Honoured),
        K(Config.TopologyBoltsTupleTimestampMaxLagMs, KeyEffect.Honoured),
        K(Config.TopologyBoltsWatermarkEventIntervalMs, KeyEffect.Honoured),
        K(Config.TopologyBoltsLateTupleStream, KeyEffect.Honoured),

        // Squall's own: Storm says withPersistence() on the bolt; a key lets the window be checked at submit.
        H(Config.TopologyBoltsWindowPersistent, false),

        // The time bucket of registered metrics (Storm also uses it for its built-in ones).
        H("topology.builtin.metrics.bucket.size.secs", 60),

        // Set by the system when a topology is submitted.
        K(Config.TopologyName, KeyEffect.System),
        K("topology.submitter.principal", KeyEffect.System),
        K("topology.submitter.user", KeyEffect.System),

        // Accepted without effect: JVM, Kryo internals, resource-aware scheduling, security, blobstore,
        // wait strategies and tuning of Storm's own queues (Squall's executors have their own).
        N("topology.tuple.compression.threshold", 1460),
        N("topology.tuple.compression.enable", false),
        N("topology.tuple.compression.max.decompressed.bytes", 10485760),
        N("topology.worker.nimbus.thrift.client.use.tls", false),
        N("topology.min.replication.count", 1),
        N("topology.max.replication.wait.time.sec", 60),
        N("topology.worker.receiver.thread.count", 1),
        N("topology.ras.acker.executors.per.worker", 1),
        N("topology.tasks", null),
        N("topology.state.synchronization.timeout.secs", 60),
        N("topology.stats.sample.rate", 0.05),
        N("topology.stats.ewma.enable", false),
        N("topology.stats.ewma.smoothing.factor", 0.0625),
        N("topology.upstream.feedback.freq.secs", 10),
        N("topology.upstream.feedback.enable", false),
        N("topology.worker.childopts", null),
        N("topology.worker.logwriter.childopts", "-Xmx64m"),
        N("topology.worker.shared.thread.pool.size", 4),
        N("topology.spout.wait.strategy", "org.apache.storm.policy.WaitStrategyProgressive"),
        N("topology.spout.wait.park.microsec", 100),
        N("topology.spout.wait.progressive.level1.count", 0),
        N("topology.spout.wait.progressive.level2.count", 0),
        N("topology.spout.wait.progressive.level3.sleep.millis", 1),
        N("topology.bolt.wait.strategy", "org.apache.storm.policy.WaitStrategyProgressive"),
        N("topology.bolt.wait.park.microsec", 100),
        N("topology.bolt.wait.progressive.level1.count", 1),
        N("topology.bolt.wait.progressive.level2.count", 1000),
        N("topology.bolt.wait.progressive.level3.sleep.millis", 1),
        N("topology.backpressure.wait.strategy", "org.apache.storm.policy.WaitStrategyProgressive"),
        N("topology.backpressure.wait.park.microsec", 100),
        N("topology.backpressure.wait.progressive.level1.count", 1),
        N("topology.backpressure.wait.progressive.level2.count", 1000),
        N("topology.backpressure.wait.progressive.level3.sleep.millis", 1),
        N("topology.backpressure.check.millis", 50),
        N("topology.executor.overflow.limit", 0),
        N("topology.error.throttle.interval.secs", 10),
        N("topology.max.error.report.per.interval", 5),
        N("topology.kryo.factory", "org.apache.storm.serialization.DefaultKryoFactory"),
        N("topology.tuple.serializer", "org.apache.storm.serialization.types.ListDelegateSerializer"),
        N("topology.trident.batch.emit.interval.millis", 500),
        N("topology.classpath", null),
        N("topology.environment", null),
        N("topology.transfer.buffer.size", 1000),
        N("topology.transfer.batch.size", 1),
        N("topology.producer.batch.dynamic", false),
        N("topology.disable.loadaware.messaging", false),
        N("topology.localityaware.higher.bound", 0.8),
        N("topology.localityaware.lower.bound", 0.2),
        N("topology.serialized.message.size.metrics", false),
        N("topology.priority", 29),
        N("topology.component.resources.onheap.memory.mb", 128.0),
        N("topology.component.resources.offheap.memory.mb", 0.0),
        N("topology.component.cpu.pcore.percent", 10.0),
        N("topology.worker.max.heap.size.mb", 768.0),
        N("topology.scheduler.strategy", "org.apache.storm.scheduler.resource.strategies.scheduling.DefaultResourceAwareStrategy"),
        N("topology.ras.constraint.max.state.search", 10000),
        N("topology.ras.one.executor.per.worker", false),
        N("topology.ras.one.component.per.worker", false),

        // Keys Storm defines without a default.
        .. Unset(
            "topology.acker.cpu.pcore.percent", "topology.acker.resources.offheap.memory.mb",
            "topology.acker.resources.onheap.memory.mb", "topology.auto-credentials", "topology.backpressure.enable",
            "topology.blobstore.map", "topology.bolts.message.id.field.name",
            "topology.classpath.beginning", "topology.component.resources.map", "topology.enable.send.iconnection.metrics",
            "topology.enable.v2.metrics.tick", "topology.event.logger.register", "topology.eventlogger.max.retained.files",
            "topology.eventlogger.rotation.size.mb", "topology.groups", "topology.isolate.machines", "topology.kryo.decorators",
            "topology.logging.config", "topology.logging.sensitivity", "topology.metrics.consumer.cpu.pcore.percent",
            "topology.metrics.consumer.resources.offheap.memory.mb", "topology.metrics.consumer.resources.onheap.memory.mb",
            "topology.metrics.reporters", "topology.multilang.log.handler", "topology.oci.image",
            "topology.ras.constraint.max.time.secs", "topology.ras.constraints", "topology.ras.order.executors.by.proximity.needs",
            "topology.readonly.groups", "topology.readonly.users", "topology.scheduler.favored.nodes",
            "topology.scheduler.unfavored.nodes", "topology.sleep.spout.wait.strategy.time.ms", "topology.spread.components",
            "topology.state.kryo.register", "topology.transactional.id",
            "topology.trident.windowing.cache.tuple.limit", "topology.users", "topology.v2.metrics.tick.interval.seconds",
            "topology.version", "topology.worker.gc.childopts", "topology.worker.metrics", "topology.worker.timeout.secs"),
    ];

    /// <summary>Every row, keyed by its key.</summary>
    public static IReadOnlyDictionary<string, KeyInfo> ByKey { get; } = Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);

    /// <summary>The keys that have a default (Storm's <c>defaults.yaml</c>, with Squall's differences), with it.</summary>
    public static IEnumerable<KeyInfo> WithDefaults => Rows.Where(r => r.HasDefault);

    /// <summary>The default of <paramref name="key"/>; throws if the table has no default for it (a bug, not a user error).</summary>
    public static object? Default(string key) =>
        ByKey.TryGetValue(key, out var row) && row.HasDefault ? row.Default : throw new KeyNotFoundException($"'{key}' has no default in the key table.");

    /// <summary>The default of an integer key.</summary>
    public static int DefaultInt(string key) => (int)Default(key)!;

    /// <summary>The default of a boolean key.</summary>
    public static bool DefaultBool(string key) => (bool)Default(key)!;

    private static KeyInfo H(string key, object? value) => new(key, KeyEffect.Honoured, HasDefault: true, value);

    private static KeyInfo N(string key, object? value) => new(key, KeyEffect.None, HasDefault: true, value);

    private static KeyInfo K(string key, KeyEffect effect) => new(key, effect, HasDefault: false, Default: null);

    private static IEnumerable<KeyInfo> Unset(params string[] keys) => keys.Select(k => K(k, KeyEffect.None));
}
