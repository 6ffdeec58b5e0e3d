using System.Globalization;

namespace Squall.Runtime.Windowing;

/// <summary>Reads and checks a windowed bolt's <see cref="WindowSpec"/> from its merged configuration (Storm's <c>topology.bolts.*</c> keys).</summary>
internal static class WindowSpecReader
{
    /// <summary>True if <paramref name="conf"/> configures a window.</summary>
    public static bool HasWindow(IReadOnlyDictionary<string, object?> conf) =>
        conf.ContainsKey(Config.TopologyBoltsWindowLengthCount) || conf.ContainsKey(Config.TopologyBoltsWindowLengthDurationMs);

    /// <summary>The window of bolt <paramref name="componentId"/>; throws <see cref="InvalidTopologyException"/> naming each problem.</summary>
    public static WindowSpec Read(string componentId, Config conf, bool hasExtractor)
    {
        var problems = new List<string>();
        var lengthCount = Int(conf, Config.TopologyBoltsWindowLengthCount, problems);
        var lengthMs = Long(conf, Config.TopologyBoltsWindowLengthDurationMs, problems);
        var slideCount = Int(conf, Config.TopologyBoltsSlidingIntervalCount, problems);
        var slideMs = Long(conf, Config.TopologyBoltsSlidingIntervalDurationMs, problems);
        var field = conf.GetString(Config.TopologyBoltsTupleTimestampFieldName);
        var lag = Long(conf, Config.TopologyBoltsTupleTimestampMaxLagMs, problems) ?? 0;
        var watermark = Long(conf, Config.TopologyBoltsWatermarkEventIntervalMs, problems) ?? WindowSpec.DefaultWatermarkIntervalMs;
        if (lengthCount is null == lengthMs is null)
        {
            problems.Add($"set exactly one of {Config.TopologyBoltsWindowLengthCount} and {Config.TopologyBoltsWindowLengthDurationMs}");
        }

        if (slideCount is not null && slideMs is not null)
        {
            problems.Add($"set at most one of {Config.TopologyBoltsSlidingIntervalCount} and {Config.TopologyBoltsSlidingIntervalDurationMs}");
        }

        if (lengthCount is < 1 || lengthMs is < 1 || slideCount is < 1 || slideMs is < 1 || watermark < 1 || lag < 0)
        {
            problems.Add("window lengths, sliding intervals and the watermark interval must be at least 1, the lag at least 0");
        }

        var eventTime = field is not null || hasExtractor;
        if (conf.GetString(Config.TopologyBoltsLateTupleStream) is not null && !eventTime)
        {
            problems.Add($"{Config.TopologyBoltsLateTupleStream} needs event time: set a timestamp field or extractor (WithTimestampField)");
        }

        if (problems.Count > 0)
        {
            throw new InvalidTopologyException([.. problems.Select(p => $"Windowed bolt '{componentId}': {p}.")]);
        }

        return new WindowSpec
        {
            LengthCount = lengthCount,
            LengthMs = lengthMs,
            // A window with no sliding interval slides with every tuple, as in Storm.
            SlideCount = slideMs is null ? slideCount ?? 1 : null,
            SlideMs = slideMs,
            EventTime = eventTime,
            LagMs = lag,
            WatermarkIntervalMs = watermark,
            Persistent = conf.GetBool(Config.TopologyBoltsWindowPersistent, TopologyKeys.DefaultBool(Config.TopologyBoltsWindowPersistent)),
        };
    }

    /// <summary>
    /// Refuses a window whose tuples would time out before they are acked, to be replayed while still in the window (Storm checks
    /// this when the bolt prepares; Squall also checks it at submit): a window acks its tuples as they leave it, so window length +
    /// sliding interval must fit in the message timeout; a persistent window acks them at the next checkpoint, so the checkpoint
    /// interval must.
    /// </summary>
    public static void CheckTimeout(string componentId, WindowSpec spec, Config conf)
    {
        if (!conf.EnableMessageTimeouts || conf.NumAckers == 0)
        {
            return;
        }

        var timeoutMs = conf.MessageTimeoutSecs * 1000L;
        if (spec.Persistent)
        {
            var interval = conf.GetInt(Config.TopologyStateCheckpointIntervalMs, TopologyKeys.DefaultInt(Config.TopologyStateCheckpointIntervalMs));
            if (interval > timeoutMs)
            {
                throw new InvalidTopologyException(
                    $"Windowed bolt '{componentId}': its window is persistent, so its tuples are acked at each checkpoint, but " +
                    $"{Config.TopologyStateCheckpointIntervalMs} ({interval} ms) is more than {Config.TopologyMessageTimeoutSecs} " +
                    $"({conf.MessageTimeoutSecs} s); set the interval below the timeout.");
            }

            return;
        }

        if (spec.MaxHoldMs is { } hold && hold > timeoutMs)
        {
            throw new InvalidTopologyException(
                $"Windowed bolt '{componentId}': window length + sliding interval is {hold} ms, more than {Config.TopologyMessageTimeoutSecs} " +
                $"({conf.MessageTimeoutSecs} s); tuples would time out and be replayed while still in the window. " +
                $"Set {Config.TopologyMessageTimeoutSecs} to at least {(hold + 999) / 1000} (or, in a stateful windowed bolt, keep the window in state: WithPersistence).");
        }
    }

    private static int? Int(Config conf, string key, List<string> problems)
    {
        var value = Long(conf, key, problems);
        if (value is > int.MaxValue)
        {
            problems.Add($"{key} is too large ({value})");
            return null;
        }

        return (int?)value;
    }

    private static long? Long(Config conf, string key, List<string> problems)
    {
        if (!conf.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        try
        {
            return Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            problems.Add($"{key} must be a whole number, not '{value}'");
            return null;
        }
    }
}
