namespace Squall.Drpc;

/// <summary>
/// A bolt that processes one batch (in DRPC: one request) at a time (Storm's <c>IBatchBolt</c>). A new
/// instance is made, from its factory, for every request a task sees; it gets every tuple of that request
/// through <see cref="Execute"/>, then <see cref="FinishBatch"/> once, when every upstream task has
/// finished the request and all of its tuples have arrived. Emit through the collector given to
/// <see cref="Prepare"/>; the first value of every tuple emitted must be the request id.
/// </summary>
public interface IBatchBolt : IComponent
{
    void Prepare(Config conf, TopologyContext context, BatchOutputCollector collector, object id);

    void Execute(Tuple tuple);

    void FinishBatch();
}
