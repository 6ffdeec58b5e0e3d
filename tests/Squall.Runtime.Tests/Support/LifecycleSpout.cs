namespace Squall.Runtime.Tests.Support;

/// <summary>Records every call into a <see cref="LifecycleLog"/>; emits a numbered, tracked tuple on each NextTuple.</summary>
internal sealed class LifecycleSpout(LifecycleLog log) : BaseRichSpout
{
    private SpoutOutputCollector _collector = null!;
    private int _next;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) =>
        Record("Open", () => _collector = collector);

    public override void Activate() => Record("Activate", null);

    public override void Deactivate() => Record("Deactivate", null);

    public override void Close() => Record("Close", null);

    public override void NextTuple() => Record("NextTuple", () => _collector.Emit(new Values(_next), _next++));

    public override void Ack(object messageId) => Record("Ack", null);

    private void Record(string name, Action? action)
    {
        log.Enter(name);
        try
        {
            // Widen the window in which an overlapping call would be caught.
            Thread.SpinWait(50);
            action?.Invoke();
        }
        finally
        {
            log.Exit();
        }
    }
}
