namespace Squall.Drpc;

/// <summary>A base for <see cref="IBatchBolt"/> (Storm's <c>BaseBatchBolt</c>).</summary>
public abstract class BaseBatchBolt : BaseComponent, IBatchBolt
{
    public abstract void Prepare(Config conf, TopologyContext context, BatchOutputCollector collector, object id);

    public abstract void Execute(Tuple tuple);

    public abstract void FinishBatch();
}
