namespace Squall.Runtime;

/// <summary>Rejects configurations that cannot run, naming the key and the value.</summary>
internal static class TopologyOptionsValidator
{
    public static void Validate(TopologyOptions options, Config conf)
    {
        var problems = new List<string>();
        Check(problems, options.Workers >= 1, Config.TopologyWorkers, options.Workers, "at least 1");
        Check(problems, options.Ackers >= 0, Config.TopologyAckerExecutors, options.Ackers, "0 (acking off) or more");
        Check(problems, options.MessageTimeoutSecs >= 1, Config.TopologyMessageTimeoutSecs, options.MessageTimeoutSecs, "at least 1");
        Check(problems, options.MaxSpoutPending is null or >= 1, Config.TopologyMaxSpoutPending, options.MaxSpoutPending, "at least 1");
        Check(problems, options.TickTupleFreqSecs is null or >= 1, Config.TopologyTickTupleFreqSecs, options.TickTupleFreqSecs, "at least 1");
        Check(problems, options.MaxTaskParallelism is null or >= 1, Config.TopologyMaxTaskParallelism, options.MaxTaskParallelism, "at least 1");
        Check(problems, options.ReceiveBufferSize >= 16, Config.TopologyExecutorReceiveBufferSize, options.ReceiveBufferSize, "at least 16");
        Check(problems, options.ProducerBatchSize is >= 1 and <= 4096, Config.TopologyProducerBatchSize, options.ProducerBatchSize, "between 1 and 4096");
        Check(problems, options.BatchFlushIntervalMillis >= 0, Config.TopologyBatchFlushIntervalMillis, options.BatchFlushIntervalMillis, "0 (flush after every NextTuple call) or more");
        Check(problems, options.SpoutRecvqSkips >= 1, Config.TopologySpoutRecvqSkips, options.SpoutRecvqSkips, "at least 1");
        Check(problems, options.WorkerExecutorThreads is null or (>= 1 and <= 256), Config.TopologyWorkerExecutorThreads, options.WorkerExecutorThreads, "between 1 and 256");
        Check(problems, options.EventLoggers is null or >= 0, Config.TopologyEventLoggerExecutors, options.EventLoggers, "0 (debug sampling off) or more");
        Check(problems, options.TreeRecorderSize is 0 or (>= 16 and <= 1 << 20), Config.TopologyTupleTreeRecorderSize, options.TreeRecorderSize, "0 (off) or between 16 and 1048576");
        foreach (var unknown in conf.UnknownKeys())
        {
            problems.Add(Config.SuggestKey(unknown) is { } suggestion
                ? $"Configuration key '{unknown}' is not a Storm key; did you mean '{suggestion}'?"
                : $"Configuration key '{unknown}' is not a Storm key (a typo?).");
        }

        if (problems.Count > 0)
        {
            throw new InvalidTopologyException(problems);
        }
    }

    private static void Check(List<string> problems, bool ok, string key, object? value, string expected)
    {
        if (!ok)
        {
            problems.Add($"Configuration '{key}' must be {expected}, but is {value}.");
        }
    }
}
