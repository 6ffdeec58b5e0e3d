namespace Squall.Drpc.Tests.Local;

/// <summary>A last bolt that never emits: the request must fail with that reason, not hang until its timeout.</summary>
public sealed class SilentBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "result"));

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
    }
}

/// <summary>A batch bolt whose FinishBatch throws.</summary>
public sealed class ThrowingFinishBolt : BaseBatchBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "result"));

    public override void Prepare(Config conf, TopologyContext context, BatchOutputCollector collector, object id)
    {
    }

    public override void Execute(Tuple tuple)
    {
    }

    public override void FinishBatch() => throw new InvalidOperationException("cannot finish this batch");
}

/// <summary>Counts, per request, the tuples all tasks of the bolt before it emitted: proves FinishBatch sees the whole request.</summary>
public sealed class CountBatchBolt : BaseBatchBolt
{
    private BatchOutputCollector? _collector;
    private object? _id;
    private long _count;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "count"));

    public override void Prepare(Config conf, TopologyContext context, BatchOutputCollector collector, object id)
    {
        _collector = collector;
        _id = id;
    }

    public override void Execute(Tuple tuple) => _count++;

    public override void FinishBatch() => _collector!.Emit(new Values(_id, _count));
}

/// <summary>Emits the argument's number N as N tuples, spread over its tasks by the next grouping.</summary>
public sealed class FanOutBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "n"));

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        var n = int.Parse(input.GetString(1)!, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < n; i++)
        {
            collector.Emit(new Values(input.GetValue(0), i));
        }
    }
}

/// <summary>Passes tuples on unchanged (a middle stage with several tasks).</summary>
public sealed class PassBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "n"));

    public override void Execute(Tuple input, BasicOutputCollector collector) => collector.Emit(new Values(input.GetValue(0), input.GetValue(1)));
}
