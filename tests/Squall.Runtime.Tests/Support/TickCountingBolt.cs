namespace Squall.Runtime.Tests.Support;

/// <summary>Counts the tick tuples its tasks receive (and checks they look like ticks); optionally with its own tick frequency.</summary>
internal sealed class TickCountingBolt(ConcurrentQueue<(int Task, object? Freq)> ticks, int? freqSecs = null) : BaseRichBolt
{
    private int _task;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override IReadOnlyDictionary<string, object?>? GetComponentConfiguration() =>
        freqSecs is { } f ? new Dictionary<string, object?> { [Config.TopologyTickTupleFreqSecs] = f } : null;

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _task = context.ThisTaskId;

    public override void Execute(Tuple input)
    {
        if (input.IsTick && input.SourceComponent == Constants.SystemComponentId && input.SourceStreamId == Constants.SystemTickStreamId)
        {
            ticks.Enqueue((_task, input.GetValue(0)));
        }
    }
}
