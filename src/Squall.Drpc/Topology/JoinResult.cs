using System.Globalization;

namespace Squall.Drpc.Topology;

/// <summary>
/// Joins a request's result with its return info (Storm's <c>JoinResult</c>), coordinated like the user
/// bolts: results, return info and the last bolt's reports of one request all arrive at the same task
/// (grouped by request id). When every task of the last bolt has reported and its results are in, the
/// first result goes to ReturnResults as <c>(result, return-info)</c>; a request for which the last bolt
/// emitted nothing is failed with that reason, so the caller hears it at once instead of waiting for a timeout.
/// </summary>
internal sealed class JoinResult(string lastBolt) : IRichBolt
{
    private readonly Dictionary<long, JoinTrack> _tracks = [];
    private OutputCollector? _output;
    private int _expectedReports;
    private long _tick;
    private long _sweepAfterTicks;

    public void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.Declare(new Fields("result", "return-info"));
    }

    public IReadOnlyDictionary<string, object?>? GetComponentConfiguration() =>
        new Dictionary<string, object?>(StringComparer.Ordinal) { [Config.TopologyTickTupleFreqSecs] = CoordinatedBolt.SweepTickSecs };

    public void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(conf);
        ArgumentNullException.ThrowIfNull(context);
        _output = collector;
        _expectedReports = context.GetComponentTasks(lastBolt).Count;
        _sweepAfterTicks = (conf.MessageTimeoutSecs / CoordinatedBolt.SweepTickSecs) + 2;
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

        if (input.GetValue(0) is not long id)
        {
            _output!.Fail(input, $"join-result received [{input.GetValues()}] from {input.SourceComponent}: its first value must be the request id (a long)");
            return;
        }

        if (!_tracks.TryGetValue(id, out var track))
        {
            _tracks[id] = track = new JoinTrack();
        }

        track.LastTick = _tick;
        track.Held.Add(input);
        if (input.SourceComponent == DrpcStreams.PrepareId)
        {
            track.ReturnInfo = input.GetValue(1);
        }
        else if (input.SourceStreamId == DrpcStreams.Coord)
        {
            track.Reports++;
            track.Expected += input.GetLong(1);
        }
        else
        {
            track.Results.Add(input);
        }

        if (track.ReturnInfo is not null && track.Reports == _expectedReports && track.Results.Count == track.Expected)
        {
            _tracks.Remove(id);
            if (track.Results.Count == 0)
            {
                track.Held.ForEach(t => _output!.Fail(t, $"bolt '{lastBolt}' (the last bolt) emitted no result for this request"));
                return;
            }

            var result = track.Results[0];
            _output!.Emit(track.Held[0], new Values(ReturnResults.ToText(result.Count > 1 ? result.GetValue(1) : null), track.ReturnInfo));
            track.Held.ForEach(_output.Ack);
        }
    }

    public void Cleanup()
    {
    }

    private void Sweep()
    {
        foreach (var (id, track) in _tracks.Where(p => _tick - p.Value.LastTick > _sweepAfterTicks).ToList())
        {
            _tracks.Remove(id);
            track.Held.ForEach(t => _output!.Fail(t, $"request {id.ToString(CultureInfo.InvariantCulture)} never completed: {track.Reports}/{_expectedReports} tasks of '{lastBolt}' reported within the message timeout"));
        }
    }

    private sealed class JoinTrack
    {
        public List<Tuple> Held { get; } = [];

        public List<Tuple> Results { get; } = [];

        public object? ReturnInfo { get; set; }

        public int Reports { get; set; }

        public long Expected { get; set; }

        public long LastTick { get; set; }
    }
}
