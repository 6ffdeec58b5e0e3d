using Squall.Windowing;

namespace Squall.Runtime.Windowing;

/// <summary>
/// Runs an <see cref="IWindowedBolt"/> as an ordinary bolt (Storm's WindowedBoltExecutor): buffers input tuples in a
/// <see cref="WindowManager{T}"/>, calls the bolt's <c>Execute(TupleWindow)</c> on each activation, acks each input when it leaves
/// the window, and sends late tuples to the late tuple stream (or acks and drops them).
/// </summary>
/// <remarks>
/// Time reaches the window only through the executor's thread: on every input tuple and on tick tuples (the builder gives
/// windowed bolts a one-second tick). A time window's contents are exact (every boundary is evaluated with exactly the tuples
/// at or before it), while the call itself may come up to a tick late when no tuples arrive. Collectors stay single-threaded.
/// </remarks>
internal sealed class WindowedBoltExecutor : IRichBolt
{
    private readonly IWindowedBolt _bolt;
    private readonly TimeProvider _time;
    private readonly List<WindowActivation<Tuple>> _activations = [];
    private readonly List<Tuple> _evicted = [];
    private WindowManager<Tuple>? _manager;
    private WatermarkTracker? _watermarks;
    private WindowedOutputCollector? _collector;
    private OutputCollector? _inner;
    private string? _timestampField;
    private ITimestampExtractor? _extractor;
    private string? _lateStream;
    private long _watermarkIntervalMs;
    private long _lastWatermarkAt;

    public WindowedBoltExecutor(IWindowedBolt bolt, TimeProvider time)
    {
        _bolt = bolt;
        _time = time;
    }

    /// <summary>The window, read at prepare.</summary>
    public WindowSpec? Spec { get; private set; }

    public void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(conf);
        ArgumentNullException.ThrowIfNull(context);
        _extractor = _bolt.TimestampExtractor;
        var spec = WindowSpecReader.Read(context.ThisComponentId, conf, _extractor is not null);
        WindowSpecReader.CheckTimeout(context.ThisComponentId, spec, conf);
        Spec = spec;
        _timestampField = conf.GetString(Config.TopologyBoltsTupleTimestampFieldName);
        _lateStream = conf.GetString(Config.TopologyBoltsLateTupleStream);
        _watermarkIntervalMs = spec.WatermarkIntervalMs;
        var now = Now();
        _lastWatermarkAt = now;
        _manager = new WindowManager<Tuple>(spec, spec.EventTime ? 0 : now);
        if (spec.EventTime)
        {
            _watermarks = new WatermarkTracker(spec.LagMs, context.GetThisSources()
                .Where(s => !s.StreamId.StartsWith('$'))
                .Select(s => (s.SourceComponent, s.StreamId))
                .Distinct());
        }

        _inner = collector;
        _collector = new WindowedOutputCollector(collector);
        _bolt.Prepare(conf, context, _collector);
    }

    public void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var manager = _manager!;
        var now = Now();
        if (input.IsTick)
        {
            manager.AdvanceTo(now, _activations, _evicted);
        }
        else if (Spec!.EventTime)
        {
            var timestamp = _extractor?.ExtractTimestamp(input) ?? input.GetLongByField(_timestampField!);
            _watermarks!.Track(input.SourceComponent, input.SourceStreamId, timestamp);
            if (!manager.TryAddEvent(input, timestamp))
            {
                Late(input);
            }
        }
        else
        {
            manager.Add(input, now, _activations, _evicted);
        }

        if (Spec!.EventTime && now - _lastWatermarkAt >= _watermarkIntervalMs && _watermarks!.Compute() is { } watermark)
        {
            _lastWatermarkAt = now;
            manager.OnWatermark(watermark, _activations, _evicted);
        }

        Deliver();
    }

    public void Cleanup() => _bolt.Cleanup();

    public void DeclareOutputFields(OutputFieldsDeclarer declarer) => _bolt.DeclareOutputFields(declarer);

    public IReadOnlyDictionary<string, object?>? GetComponentConfiguration() => _bolt.GetComponentConfiguration();

    private void Deliver()
    {
        foreach (var activation in _activations)
        {
            var window = activation.Window as Tuple[] ?? [.. activation.Window];
            _collector!.CurrentWindow = window;
            _bolt.Execute(new TupleWindow(window, activation.New, activation.Expired, activation.Start, activation.End));
            _collector.CurrentWindow = [];
        }

        _activations.Clear();
        foreach (var tuple in _evicted)
        {
            _inner!.Ack(tuple);
        }

        _evicted.Clear();
    }

    private void Late(Tuple input)
    {
        if (_lateStream is not null)
        {
            _inner!.Emit(_lateStream, input, new Values(new Value[] { Value.FromObject(input.GetValues().Select(v => v.AsObject()).ToList()) }));
        }

        _inner!.Ack(input);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
