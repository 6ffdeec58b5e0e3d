namespace Squall.Runtime.Tests.Support;

/// <summary>Sends each number n directly to task <c>n mod k</c> of <c>sink</c> on stream "d"; a number equal to <c>stray</c> goes to a task of <c>other</c> instead.</summary>
internal sealed class DirectRouterBolt(int stray) : BaseRichBolt
{
    private OutputCollector _collector = null!;
    private IReadOnlyList<int> _sinkTasks = [];
    private IReadOnlyList<int> _otherTasks = [];

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.DeclareStream("d", direct: true, new Fields("n"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _collector = collector;
        _sinkTasks = context.GetComponentTasks("sink");
        _otherTasks = context.GetComponentTasks("other");
    }

    public override void Execute(Tuple input)
    {
        var n = input.GetInteger(0);
        var task = n == stray ? _otherTasks[0] : _sinkTasks[n % _sinkTasks.Count];
        _collector.EmitDirect(task, "d", [input], new Values(n));
        _collector.Ack(input);
    }
}
