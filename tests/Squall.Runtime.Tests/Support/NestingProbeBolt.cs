namespace Squall.Runtime.Tests.Support;

/// <summary>Records each number it gets, its task, and whether it ran inside a <see cref="NestingForwardBolt"/>'s emit; acks.</summary>
internal sealed class NestingProbeBolt(ConcurrentQueue<(int Task, int N, bool Nested)> seen) : BaseRichBolt
{
    private OutputCollector _collector = null!;
    private int _task;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _collector = collector;
        _task = context.ThisTaskId;
    }

    public override void Execute(Tuple input)
    {
        seen.Enqueue((_task, input.GetInteger(0), NestingForwardBolt.InsideEmit));
        _collector.Ack(input);
    }
}
