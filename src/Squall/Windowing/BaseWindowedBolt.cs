namespace Squall.Windowing;

/// <summary>
/// Base for windowed bolts: the <c>With…</c> methods set the window in this component's configuration (Storm's
/// <c>topology.bolts.*</c> keys), where the runtime reads it. A window has a length and a sliding interval, each a
/// <see cref="Count"/> of tuples or a <see cref="Duration"/>; a tumbling window slides by its own length.
/// </summary>
public abstract class BaseWindowedBolt : IWindowedBolt
{
    /// <summary>The field of the tuples emitted on the late tuple stream: the late tuple's values, as a list.</summary>
    public const string LateTupleField = "late_tuple";

    private readonly Dictionary<string, object?> _configuration = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ITimestampExtractor? TimestampExtractor { get; private set; }

    /// <summary>A count window of <paramref name="windowLength"/> tuples sliding every <paramref name="slidingInterval"/> tuples.</summary>
    public BaseWindowedBolt WithWindow(Count windowLength, Count slidingInterval) => Length(windowLength).Slide(slidingInterval);

    /// <summary>A count window of <paramref name="windowLength"/> tuples sliding every <paramref name="slidingInterval"/>.</summary>
    public BaseWindowedBolt WithWindow(Count windowLength, Duration slidingInterval) => Length(windowLength).Slide(slidingInterval);

    /// <summary>A time window of <paramref name="windowLength"/> sliding every <paramref name="slidingInterval"/> tuples.</summary>
    public BaseWindowedBolt WithWindow(Duration windowLength, Count slidingInterval) => Length(windowLength).Slide(slidingInterval);

    /// <summary>A time window of <paramref name="windowLength"/> sliding every <paramref name="slidingInterval"/>.</summary>
    public BaseWindowedBolt WithWindow(Duration windowLength, Duration slidingInterval) => Length(windowLength).Slide(slidingInterval);

    /// <summary>A count window of <paramref name="windowLength"/> tuples that slides with every tuple.</summary>
    public BaseWindowedBolt WithWindow(Count windowLength) => Length(windowLength).Slide(new Count(1));

    /// <summary>A time window of <paramref name="windowLength"/> that slides with every tuple.</summary>
    public BaseWindowedBolt WithWindow(Duration windowLength) => Length(windowLength).Slide(new Count(1));

    /// <summary>Consecutive, non-overlapping windows of <paramref name="count"/> tuples.</summary>
    public BaseWindowedBolt WithTumblingWindow(Count count) => Length(count).Slide(count);

    /// <summary>Consecutive, non-overlapping windows of <paramref name="duration"/>.</summary>
    public BaseWindowedBolt WithTumblingWindow(Duration duration) => Length(duration).Slide(duration);

    /// <summary>Windows by event time, read from <paramref name="fieldName"/> (a long, milliseconds since the epoch).</summary>
    public BaseWindowedBolt WithTimestampField(string fieldName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldName);
        if (TimestampExtractor is not null)
        {
            throw new ArgumentException("A timestamp extractor is already set; use either a timestamp field or an extractor.", nameof(fieldName));
        }

        _configuration[Config.TopologyBoltsTupleTimestampFieldName] = fieldName;
        return this;
    }

    /// <summary>Windows by event time, derived from each tuple by <paramref name="extractor"/>.</summary>
    public BaseWindowedBolt WithTimestampExtractor(ITimestampExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        if (_configuration.ContainsKey(Config.TopologyBoltsTupleTimestampFieldName))
        {
            throw new ArgumentException("A timestamp field is already set; use either a timestamp field or an extractor.", nameof(extractor));
        }

        TimestampExtractor = extractor;
        return this;
    }

    /// <summary>How far out of order event timestamps may be; a tuple older than the watermark is late.</summary>
    public BaseWindowedBolt WithLag(Duration duration)
    {
        Positive(duration.Milliseconds, nameof(duration), allowZero: true);
        _configuration[Config.TopologyBoltsTupleTimestampMaxLagMs] = duration.Milliseconds;
        return this;
    }

    /// <summary>How often the watermark (event time's clock) advances; default one second.</summary>
    public BaseWindowedBolt WithWatermarkInterval(Duration interval)
    {
        Positive(interval.Milliseconds, nameof(interval));
        _configuration[Config.TopologyBoltsWatermarkEventIntervalMs] = interval.Milliseconds;
        return this;
    }

    /// <summary>Emit late tuples on <paramref name="streamId"/> (field <see cref="LateTupleField"/>) instead of dropping them.</summary>
    public BaseWindowedBolt WithLateTupleStream(string streamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        _configuration[Config.TopologyBoltsLateTupleStream] = streamId;
        return this;
    }

    /// <inheritdoc/>
    public abstract void Prepare(Config conf, TopologyContext context, OutputCollector collector);

    /// <inheritdoc/>
    public abstract void Execute(TupleWindow inputWindow);

    /// <inheritdoc/>
    public virtual void Cleanup()
    {
    }

    /// <inheritdoc/>
    public abstract void DeclareOutputFields(OutputFieldsDeclarer declarer);

    /// <summary>The window settings, merged into the configuration this bolt's tasks see.</summary>
    public virtual IReadOnlyDictionary<string, object?>? GetComponentConfiguration() => _configuration;

    /// <summary>Sets a window key for subclasses of this assembly (the stateful windowed bolt's persistence).</summary>
    private protected void Set(string key, object? value) => _configuration[key] = value;

    private BaseWindowedBolt Length(Count count)
    {
        Positive(count.Value, "windowLength");
        _configuration.Remove(Config.TopologyBoltsWindowLengthDurationMs);
        _configuration[Config.TopologyBoltsWindowLengthCount] = count.Value;
        return this;
    }

    private BaseWindowedBolt Length(Duration duration)
    {
        Positive(duration.Milliseconds, "windowLength");
        _configuration.Remove(Config.TopologyBoltsWindowLengthCount);
        _configuration[Config.TopologyBoltsWindowLengthDurationMs] = duration.Milliseconds;
        return this;
    }

    private BaseWindowedBolt Slide(Count count)
    {
        Positive(count.Value, "slidingInterval");
        _configuration.Remove(Config.TopologyBoltsSlidingIntervalDurationMs);
        _configuration[Config.TopologyBoltsSlidingIntervalCount] = count.Value;
        return this;
    }

    private BaseWindowedBolt Slide(Duration duration)
    {
        Positive(duration.Milliseconds, "slidingInterval");
        _configuration.Remove(Config.TopologyBoltsSlidingIntervalCount);
        _configuration[Config.TopologyBoltsSlidingIntervalDurationMs] = duration.Milliseconds;
        return this;
    }

    private static void Positive(long value, string name, bool allowZero = false)
    {
        if (value < 0 || (value == 0 && !allowZero))
        {
            throw new ArgumentOutOfRangeException(name, value, $"The {name} must be {(allowZero ? "zero or more" : "at least 1")}.");
        }
    }
}
