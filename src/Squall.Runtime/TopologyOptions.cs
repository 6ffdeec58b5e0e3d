namespace Squall.Runtime;

/// <summary>
/// The typed view of a topology's <see cref="Config"/>: Storm's keys, read over the one table of defaults
/// (<c>TopologyKeys</c> in the API project), validated once at submit time by <see cref="TopologyOptionsValidator"/>.
/// </summary>
internal sealed record TopologyOptions
{
    public int Workers { get; init; } = TopologyKeys.DefaultInt(Config.TopologyWorkers);

    /// <summary>Acker tasks; Storm's default is one per worker.</summary>
    public int Ackers { get; init; } = 1;

    public int MessageTimeoutSecs { get; init; } = TopologyKeys.DefaultInt(Config.TopologyMessageTimeoutSecs);

    public bool EnableMessageTimeouts { get; init; } = TopologyKeys.DefaultBool(Config.TopologyEnableMessageTimeouts);

    public int? MaxSpoutPending { get; init; }

    public int? TickTupleFreqSecs { get; init; }

    public int? MaxTaskParallelism { get; init; }

    /// <summary>Inbox capacity in tuples; held as batches of <see cref="ProducerBatchSize"/>.</summary>
    public int ReceiveBufferSize { get; init; } = TopologyKeys.DefaultInt(Config.TopologyExecutorReceiveBufferSize);

    /// <summary>
    /// Most envelopes per batch between two executors. Batches are published at the end of every executor
    /// loop however full they are, so a large cap costs no latency at low rates, and at high rates it cuts
    /// the hand-offs (and the thread wake-ups) per tuple (why the default differs from Storm's: see the table).
    /// </summary>
    public int ProducerBatchSize { get; init; } = TopologyKeys.DefaultInt(Config.TopologyProducerBatchSize);

    /// <summary>Emits of a spout leave its executor within this many milliseconds (Storm 2's default 1); 0: after every NextTuple call.</summary>
    public int BatchFlushIntervalMillis { get; init; } = TopologyKeys.DefaultInt(Config.TopologyBatchFlushIntervalMillis);

    /// <summary>A spout's burst takes acks and control messages after every this many NextTuple calls (Storm 2's default 3).</summary>
    public int SpoutRecvqSkips { get; init; } = TopologyKeys.DefaultInt(Config.TopologySpoutRecvqSkips);

    /// <summary>Threads of a worker's executor pool (bolts and ackers); null: one per core.</summary>
    public int? WorkerExecutorThreads { get; init; }

    /// <summary>Run a bolt fed only by a one-to-one local grouping inside its upstream's executor (<c>topology.fusion.enable</c>).</summary>
    public bool FusionEnabled { get; init; } = TopologyKeys.DefaultBool(Config.TopologyFusionEnable);

    /// <summary>Serialize unregistered user types with MessagePack between workers (and in the always-serialize check).</summary>
    public bool FallBackSerialization { get; init; } = TopologyKeys.DefaultBool(Config.TopologyFallBackOnJavaSerialization);

    public bool Debug { get; init; } = TopologyKeys.DefaultBool(Config.TopologyDebug);

    /// <summary><c>topology.eventlogger.executors</c>: 0 turns debug sampling off; null, one event log per worker.</summary>
    public int? EventLoggers { get; init; }

    /// <summary>Edges of acked trees each task's flight recorder keeps (rounded up to a power of two); 0: none.</summary>
    public int TreeRecorderSize { get; init; } = TopologyKeys.DefaultInt(Config.TopologyTupleTreeRecorderSize);

    public bool AlwaysTrySerialize { get; init; } = TopologyKeys.DefaultBool(Config.TopologyTestingAlwaysTrySerialize);

    public bool AckingEnabled => Ackers > 0;

    /// <summary>Timeout buckets: a tree expires between the timeout and a quarter more (Storm's RotatingMap, finer).</summary>
    public const int TimeoutBuckets = 5;

    public TimeSpan RotationPeriod => TimeSpan.FromSeconds(MessageTimeoutSecs) / (TimeoutBuckets - 1);

    private static readonly TopologyOptions Defaults = new();

    public static TopologyOptions From(Config conf)
    {
        var workers = conf.NumWorkers;
        var options = new TopologyOptions
        {
            Workers = workers,
            Ackers = conf.NumAckers ?? workers,
            MessageTimeoutSecs = conf.MessageTimeoutSecs,
            EnableMessageTimeouts = conf.EnableMessageTimeouts,
            MaxSpoutPending = conf.MaxSpoutPending,
            TickTupleFreqSecs = conf.TickTupleFreqSecs,
            MaxTaskParallelism = conf.MaxTaskParallelism,
            ReceiveBufferSize = conf.GetInt(Config.TopologyExecutorReceiveBufferSize, Defaults.ReceiveBufferSize),
            ProducerBatchSize = conf.GetInt(Config.TopologyProducerBatchSize, Defaults.ProducerBatchSize),
            BatchFlushIntervalMillis = conf.GetInt(Config.TopologyBatchFlushIntervalMillis, Defaults.BatchFlushIntervalMillis),
            SpoutRecvqSkips = conf.GetInt(Config.TopologySpoutRecvqSkips, Defaults.SpoutRecvqSkips),
            WorkerExecutorThreads = conf.GetNullableInt(Config.TopologyWorkerExecutorThreads),
            FusionEnabled = conf.GetBool(Config.TopologyFusionEnable, Defaults.FusionEnabled),
            Debug = conf.Debug,
            EventLoggers = conf.GetNullableInt(Config.TopologyEventLoggerExecutors),
            TreeRecorderSize = conf.GetInt(Config.TopologyTupleTreeRecorderSize, Defaults.TreeRecorderSize),
            AlwaysTrySerialize = conf.GetBool(Config.TopologyTestingAlwaysTrySerialize, Defaults.AlwaysTrySerialize),
            FallBackSerialization = conf.FallBackOnJavaSerialization,
        };
        TopologyOptionsValidator.Validate(options, conf);
        return options;
    }
}
