namespace Squall.Runtime;

/// <summary>
/// The typed view of a topology's <see cref="Config"/>: Storm's keys, their defaults beside them, validated
/// once at submit time by <see cref="TopologyOptionsValidator"/>.
/// </summary>
internal sealed record TopologyOptions
{
    public int Workers { get; init; } = 1;

    /// <summary>Acker tasks; Storm's default is one per worker.</summary>
    public int Ackers { get; init; } = 1;

    public int MessageTimeoutSecs { get; init; } = 30;

    public bool EnableMessageTimeouts { get; init; } = true;

    public int? MaxSpoutPending { get; init; }

    public int? TickTupleFreqSecs { get; init; }

    public int? MaxTaskParallelism { get; init; }

    /// <summary>Inbox capacity in tuples (Storm 2's default); held as batches of <see cref="ProducerBatchSize"/>.</summary>
    public int ReceiveBufferSize { get; init; } = 32768;

    /// <summary>
    /// Most envelopes per batch between two executors. Batches are published at the end of every executor
    /// loop however full they are, so a large cap costs no latency at low rates, and at high rates it cuts
    /// the hand-offs (and the thread wake-ups) per tuple: on 2 cores, 1024 gave word count about 1.8× the
    /// throughput of 64 (bench/RESULTS.md). 1024 envelopes stay below the large object heap.
    /// </summary>
    public int ProducerBatchSize { get; init; } = 1024;

    /// <summary>Emits of a spout leave its executor within this many milliseconds (Storm 2's default 1); 0: after every NextTuple call.</summary>
    public int BatchFlushIntervalMillis { get; init; } = 1;

    /// <summary>A spout's burst takes acks and control messages after every this many NextTuple calls (Storm 2's default 3).</summary>
    public int SpoutRecvqSkips { get; init; } = 3;

    /// <summary>Threads of a worker's executor pool (bolts and ackers); null: one per core.</summary>
    public int? WorkerExecutorThreads { get; init; }

    public bool Debug { get; init; }

    public bool AlwaysTrySerialize { get; init; }

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
            EnableMessageTimeouts = conf.GetBool(Config.TopologyEnableMessageTimeouts, true),
            MaxSpoutPending = conf.MaxSpoutPending,
            TickTupleFreqSecs = conf.TickTupleFreqSecs,
            MaxTaskParallelism = conf.GetNullableInt(Config.TopologyMaxTaskParallelism),
            ReceiveBufferSize = conf.GetInt(Config.TopologyExecutorReceiveBufferSize, Defaults.ReceiveBufferSize),
            ProducerBatchSize = conf.GetInt(Config.TopologyProducerBatchSize, Defaults.ProducerBatchSize),
            BatchFlushIntervalMillis = conf.GetInt(Config.TopologyBatchFlushIntervalMillis, Defaults.BatchFlushIntervalMillis),
            SpoutRecvqSkips = conf.GetInt(Config.TopologySpoutRecvqSkips, Defaults.SpoutRecvqSkips),
            WorkerExecutorThreads = conf.GetNullableInt(Config.TopologyWorkerExecutorThreads),
            Debug = conf.Debug,
            AlwaysTrySerialize = conf.GetBool(Config.TopologyTestingAlwaysTrySerialize, false),
        };
        TopologyOptionsValidator.Validate(options, conf);
        return options;
    }
}
