using System.Diagnostics.CodeAnalysis;
using Squall.Runtime.State.Checkpointing;
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
/// <para>
/// A persistent window (<see cref="WindowSpec.Persistent"/>, only inside a <see cref="StatefulBoltExecutor"/>) is saved by a
/// <see cref="PersistentWindow"/> at each checkpoint and restored on init and rollback; each input is acked as it enters (the
/// stateful executor holds the ack until the commit that saved it), not as it leaves, and window emits are not anchored to
/// tuples already acked (Storm's PersistentWindowedBoltExecutor).
/// </para>
/// </remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "A bolt's resources live from Prepare to Cleanup, where the persistent window's store is disposed.")]
internal sealed class WindowedBoltExecutor : IRichBolt, ICheckpointParticipant
{
    private readonly IWindowedBolt _bolt;
    private readonly TimeProvider _time;
    private readonly List<WindowActivation<Tuple>> _activations = [];
    private readonly List<Tuple> _evicted = [];
    private WindowManager<Tuple>? _manager;
    private PersistentWindow? _window;
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
        _lastWatermarkAt = Now();
        _manager = NewManager();
        if (spec.EventTime)
        {
            _watermarks = new WatermarkTracker(spec.LagMs, context.GetThisSources()
                .Where(s => !s.StreamId.StartsWith('$'))
                .Select(s => (s.SourceComponent, s.StreamId))
                .Distinct());
        }

        _inner = collector;
        if (spec.Persistent)
        {
            var tracking = collector as AckTrackingCollector ?? throw new InvalidTopologyException(
                $"Windowed bolt '{context.ThisComponentId}': {Config.TopologyBoltsWindowPersistent} needs a stateful windowed bolt (BaseStatefulWindowedBolt).");
            _window = new PersistentWindow(conf, context);
            _collector = new WindowedOutputCollector(tracking.Inner); // not held, and not required to anchor: the window's tuples are acked already
        }
        else
        {
            _collector = new WindowedOutputCollector(collector);
        }

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
            else if (_window is not null)
            {
                _inner!.Ack(input);
            }
        }
        else
        {
            manager.Add(input, now, _activations, _evicted);
            if (_window is not null)
            {
                _inner!.Ack(input);
            }
        }

        if (Spec!.EventTime && now - _lastWatermarkAt >= _watermarkIntervalMs && _watermarks!.Compute() is { } watermark)
        {
            _lastWatermarkAt = now;
            manager.OnWatermark(watermark, _activations, _evicted);
        }

        Deliver();
    }

    public void Cleanup()
    {
        _bolt.Cleanup();
        _window?.Dispose();
    }

    public void DeclareOutputFields(OutputFieldsDeclarer declarer) => _bolt.DeclareOutputFields(declarer);

    public IReadOnlyDictionary<string, object?>? GetComponentConfiguration() => _bolt.GetComponentConfiguration();

    void ICheckpointParticipant.Prepare(long txid) => _window?.Prepare(txid, _manager!);

    void ICheckpointParticipant.Commit(long txid) => _window?.Commit(txid);

    void ICheckpointParticipant.Rollback()
    {
        if (_window is not null)
        {
            _manager = _window.Rollback(Spec!) ?? NewManager();
        }
    }

    void ICheckpointParticipant.InitState()
    {
        if (_window?.Load(Spec!) is { } restored)
        {
            _manager = restored;
        }
    }

    private WindowManager<Tuple> NewManager() => new(Spec!, Spec!.EventTime ? 0 : Now());

    private void Deliver()
    {
        foreach (var activation in _activations)
        {
            var window = activation.Window as Tuple[] ?? [.. activation.Window];
            // A persistent window's tuples are acked already: emits stay unanchored unless the bolt anchors them itself.
            _collector!.CurrentWindow = _window is null ? window : [];
            _bolt.Execute(new TupleWindow(window, activation.New, activation.Expired, activation.Start, activation.End));
            _collector.CurrentWindow = [];
        }

        _activations.Clear();
        if (_window is null)
        {
            foreach (var tuple in _evicted)
            {
                _inner!.Ack(tuple);
            }
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
