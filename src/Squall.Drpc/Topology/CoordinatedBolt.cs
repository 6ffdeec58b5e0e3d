using System.Globalization;

namespace Squall.Drpc.Topology;

/// <summary>
/// Wraps a user bolt of a linear DRPC topology so that each task knows when it has seen the whole of a
/// request, across all tasks (Storm's <c>CoordinatedBolt</c>):
/// <list type="number">
/// <item>Every tuple of a request carries its id first. The task counts, per request, the data tuples it
/// receives and holds them unacked.</item>
/// <item>When an upstream task finishes a request it sends this task a coordination tuple
/// <c>(id, count)</c>: how many tuples of the request it sent here. PrepareRequest is the single upstream of
/// the first bolt; later bolts hear from every task of the bolt before them.</item>
/// <item>When all upstream tasks have reported and the counts match what arrived, the request is finished
/// here: a batch bolt's <c>FinishBatch</c> runs (on the last bolt, see <see cref="FinishesBatch"/>), this task reports its own per-task counts downstream, and
/// only then acks the tuples it held. Holding them keeps the request's tuple tree open, so a failure
/// anywhere downstream still fails the tree and reaches the caller at once.</item>
/// </list>
/// A request whose coordination stalls (an upstream worker died) is dropped after the message timeout, on
/// tick tuples; its tree has failed or will time out, and the caller has been told.
/// </summary>
internal sealed class CoordinatedBolt(CoordinatedBoltSpec spec) : IRichBolt
{
    /// <summary>Seconds between the ticks that sweep stalled requests.</summary>
    public const int SweepTickSecs = 5;

    private readonly Dictionary<long, RequestTrack> _tracks = [];
    private readonly IRichBolt? _basic = spec.BasicFactory is { } f ? new BasicBoltExecutor(f()) : null;
    private OutputCollector? _output;
    private Config? _conf;
    private TopologyContext? _context;
    private IReadOnlyList<int> _downstreamTasks = [];
    private int _expectedReports;
    private long _tick;
    private long _sweepAfterTicks;
    private string _component = string.Empty;
    private int _taskCount = 1;
    private int _taskIndex;

    public void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        if (_basic is not null)
        {
            _basic.DeclareOutputFields(declarer);
        }
        else
        {
            spec.BatchFactory!().DeclareOutputFields(declarer);
        }

        declarer.DeclareStream(DrpcStreams.Coord, spec.DirectCoord, DrpcStreams.CoordFields);
    }

    public IReadOnlyDictionary<string, object?>? GetComponentConfiguration()
    {
        var inner = _basic is not null ? _basic.GetComponentConfiguration() : null;
        var conf = inner is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(inner, StringComparer.Ordinal);
        conf[Config.TopologyTickTupleFreqSecs] = SweepTickSecs;
        return conf;
    }

    public void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(conf);
        ArgumentNullException.ThrowIfNull(context);
        _conf = conf;
        _context = context;
        _output = collector;
        _component = context.ThisComponentId;
        _taskCount = context.GetComponentTasks(_component).Count;
        _taskIndex = context.ThisTaskIndex;
        _expectedReports = spec.SingleUpstream ? 1 : context.GetComponentTasks(spec.Upstream).Count;
        _downstreamTasks = context.GetComponentTasks(spec.Downstream);
        _sweepAfterTicks = (conf.MessageTimeoutSecs / SweepTickSecs) + 2;
        _basic?.Prepare(conf, context, new CountingCollector(this));
    }

    public void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsTick)
        {
            _tick++;
            Sweep();
            return;
        }

        if (input.Count == 0 || input.GetValue(0) is not long id)
        {
            _output!.Fail(input, $"DRPC bolt '{_component}' received [{input.GetValues()}] from {input.SourceComponent}: its first value must be the request id (a long)");
            return;
        }

        var track = Track(id);
        track.LastTick = _tick;
        track.Held.Add(input);
        if (input.SourceStreamId == DrpcStreams.Coord)
        {
            track.Reports++;
            track.Expected += input.GetLong(1);
            track.UpstreamTotal += input.GetLong(2);
        }
        else
        {
            track.Received++;
            Run(track, input);
        }

        if (track.Reports == _expectedReports && track.Received == track.Expected)
        {
            Finish(track);
        }
    }

    public void Cleanup() => _basic?.Cleanup();

    /// <summary>Emits for the wrapped bolt, counting what goes to each task for the request's report.</summary>
    internal TaskIds Forward(string streamId, ReadOnlySpan<Tuple> anchors, Values values, int directTask, RequestTrack? track = null)
    {
        var id = DrpcStreams.RequestId(values, _component);
        track ??= _tracks.GetValueOrDefault(id);
        if (directTask >= 0)
        {
            _output!.EmitDirect(directTask, streamId, anchors.ToArray(), values);
            track?.CountSent([directTask]);
            return default;
        }

        var targets = anchors.Length switch
        {
            0 => _output!.Emit(streamId, values),
            1 => _output!.Emit(streamId, anchors[0], values),
            _ => _output!.Emit(streamId, anchors.ToArray(), values),
        };
        track?.CountSent(targets.AsSpan());
        return targets;
    }

    /// <summary>The wrapped bolt failed a tuple: fail it now (the caller hears at once) and stop holding it.</summary>
    internal void FailHeld(Tuple input, string? reason)
    {
        _output!.Fail(input, reason);
        if (input.Count > 0 && input.GetValue(0) is long id && _tracks.TryGetValue(id, out var track))
        {
            track.Held.Remove(input);
        }
    }

    internal OutputCollector Output => _output!;

    private RequestTrack Track(long id)
    {
        if (_tracks.TryGetValue(id, out var track))
        {
            return track;
        }

        track = _tracks[id] = new RequestTrack(id);
        if (spec.BatchFactory is { } factory)
        {
            track.Batch = factory();
            track.Batch.Prepare(_conf!, _context!, new TrackCollector(this, track), id);
        }

        return track;
    }

    private void Run(RequestTrack track, Tuple input)
    {
        if (_basic is not null)
        {
            // BasicBoltExecutor acks (a no-op here: the tuple is held) or fails (passed on at once) through CountingCollector.
            _basic.Execute(input);
            return;
        }

        try
        {
            track.Batch!.Execute(input);
        }
        catch (FailedException e)
        {
            FailHeld(input, e.Message);
        }
        catch (Exception e)
        {
            _output!.ReportError(e);
            FailHeld(input, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private void Finish(RequestTrack track)
    {
        _tracks.Remove(track.Id);
        if (track.Batch is { } batch && FinishesBatch(track))
        {
            try
            {
                batch.FinishBatch();
            }
            catch (Exception e)
            {
                if (e is not FailedException)
                {
                    _output!.ReportError(e);
                }

                var reason = $"FinishBatch of request {track.Id.ToString(CultureInfo.InvariantCulture)}: {e.GetType().Name}: {e.Message}";
                track.Held.ForEach(t => _output!.Fail(t, reason));
                return;
            }
        }

        Tuple[] anchor = track.Anchor is { } a ? [a] : [];
        if (spec.DirectCoord)
        {
            foreach (var task in _downstreamTasks)
            {
                _output!.EmitDirect(task, DrpcStreams.Coord, anchor, new Values(track.Id, track.Sent.GetValueOrDefault(task), track.TotalSent));
            }
        }
        else
        {
            _output!.Emit(DrpcStreams.Coord, anchor, new Values(track.Id, track.TotalSent, track.TotalSent));
        }

        track.Held.ForEach(_output!.Ack);
    }

    /// <summary>
    /// Earlier bolts finish every request on every task, as in Storm. The last bolt answers, so only tasks that
    /// received tuples of the request finish it there (with the last bolt grouped by id, that is one task: the
    /// one Storm's id stream would pick); when the whole bolt received nothing, one task picked by the id
    /// finishes it, so an aggregation over nothing (a count of 0) still answers once.
    /// </summary>
    private bool FinishesBatch(RequestTrack track) =>
        spec.DirectCoord
        || track.Received > 0
        || (track.UpstreamTotal == 0 && (int)((ulong)track.Id % (ulong)_taskCount) == _taskIndex);

    private void Sweep()
    {
        foreach (var track in _tracks.Values.Where(t => _tick - t.LastTick > _sweepAfterTicks).ToList())
        {
            _tracks.Remove(track.Id);
            var reason = $"request {track.Id.ToString(CultureInfo.InvariantCulture)} never completed here: {track.Reports}/{_expectedReports} upstream tasks reported within the message timeout";
            track.Held.ForEach(t => _output!.Fail(t, reason));
        }
    }

    /// <summary>The collector a basic bolt sees: emits are counted, acks wait for the request to finish, fails go out at once.</summary>
    private sealed class CountingCollector(CoordinatedBolt owner) : OutputCollector
    {
        public override void Ack(Tuple input)
        {
            // Held until the request finishes here; see Finish.
        }

        public override void Fail(Tuple input, string? reason) => owner.FailHeld(input, reason);

        public override void ResetTimeout(Tuple input) => owner.Output.ResetTimeout(input);

        public override void ReportError(Exception error) => owner.Output.ReportError(error);

        protected override TaskIds EmitCore(string streamId, ReadOnlySpan<Tuple> anchors, Values values, int directTask) =>
            owner.Forward(streamId, anchors, values, directTask);
    }

    /// <summary>The collector a batch bolt sees for one request: emits anchored to the request's held tuples.</summary>
    private sealed class TrackCollector(CoordinatedBolt owner, RequestTrack track) : BatchOutputCollector
    {
        public override void ReportError(Exception error) => owner.Output.ReportError(error);

        protected override TaskIds EmitCore(string streamId, Values values, int directTask)
        {
            Tuple[] anchor = track.Anchor is { } a ? [a] : [];
            return owner.Forward(streamId, anchor, values, directTask, track);
        }
    }
}
