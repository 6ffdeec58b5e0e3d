namespace Squall.Drpc.Topology;

/// <summary>
/// The first bolt of a linear DRPC topology (Storm's <c>PrepareRequest</c>): gives each request a random
/// 64-bit id, sends <c>(id, args)</c> to the first user bolt and <c>(id, return-info)</c> to JoinResult, and,
/// as the single upstream of the first bolt, reports to each of its tasks how many tuples of the request it
/// got (1 or 0), which starts the coordination.
/// </summary>
internal sealed class PrepareRequest(string firstBolt) : IRichBolt
{
    private OutputCollector? _output;
    private IReadOnlyList<int> _firstTasks = [];

    public void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.DeclareStream(DrpcStreams.Args, new Fields("request", "args"));
        declarer.DeclareStream(DrpcStreams.Return, new Fields("request", "return-info"));
        declarer.DeclareStream(DrpcStreams.Coord, direct: true, DrpcStreams.CoordFields);
    }

    public void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _output = collector;
        _firstTasks = context.GetComponentTasks(firstBolt);
    }

    public void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = Random.Shared.NextInt64(1, long.MaxValue);
        var targets = _output!.Emit(DrpcStreams.Args, input, new Values(id, input.GetValue(0))).ToArray();
        Span<int> counts = stackalloc int[_firstTasks.Count];
        foreach (var target in targets)
        {
            for (var i = 0; i < _firstTasks.Count; i++)
            {
                if (_firstTasks[i] == target)
                {
                    counts[i]++;
                }
            }
        }

        _output.Emit(DrpcStreams.Return, input, new Values(id, input.GetValue(1)));
        for (var i = 0; i < _firstTasks.Count; i++)
        {
            _output.EmitDirect(_firstTasks[i], DrpcStreams.Coord, [input], new Values(id, (long)counts[i], (long)targets.Length));
        }

        _output.Ack(input);
    }

    public void Cleanup()
    {
    }
}
