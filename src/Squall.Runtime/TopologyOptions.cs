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

    /// <summary>Envelopes per batch between two executors; larger batches cost less synchronization per tuple.</summary>
    public int ProducerBatchSize { get; init; } = 64;

    public bool Debug { get; init; }

    public bool AlwaysTrySerialize { get; init; }

    public bool AckingEnabled => Ackers > 0;

    /// <summary>Timeout buckets: a tree expires between the timeout and a quarter more (Storm's RotatingMap, finer).</summary>
    public const int TimeoutBuckets = 5;

    public TimeSpan RotationPeriod => TimeSpan.FromSeconds(MessageTimeoutSecs) / (TimeoutBuckets - 1);

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
            ReceiveBufferSize = conf.GetInt(Config.TopologyExecutorReceiveBufferSize, 32768),
            ProducerBatchSize = conf.GetInt(Config.TopologyProducerBatchSize, 64),
            Debug = conf.Debug,
            AlwaysTrySerialize = conf.GetBool(Config.TopologyTestingAlwaysTrySerialize, false),
        };
        TopologyOptionsValidator.Validate(options, conf);
        return options;
    }
}
