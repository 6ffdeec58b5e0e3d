namespace Squall.Runtime.Tests.Support;

/// <summary>
/// Forwards each input, anchored, and marks its thread while it emits, so a <see cref="NestingProbeBolt"/>
/// downstream can tell whether it ran inside that emit (fused) or later, from a queue.
/// </summary>
internal sealed class NestingForwardBolt(Fields fields) : BaseRichBolt
{
    [ThreadStatic]
    private static int _emitting;

    private OutputCollector _collector = null!;

    /// <summary>True on a thread that is inside a <see cref="NestingForwardBolt"/>'s emit.</summary>
    public static bool InsideEmit => _emitting > 0;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(fields);

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        _emitting++;
        try
        {
            _collector.Emit(input, input.GetValues());
        }
        finally
        {
            _emitting--;
        }

        _collector.Ack(input);
    }
}
