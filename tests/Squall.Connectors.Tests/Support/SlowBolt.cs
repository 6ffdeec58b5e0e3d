namespace Squall.Connectors.Tests.Support;

/// <summary>Passes each input on (anchored) after a pause, so a stream is still flowing when a test breaks something.</summary>
public sealed class SlowBolt(TimeSpan pause) : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("message"));

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        Thread.Sleep(pause);
        collector.Emit(new Values(input.GetString(0)));
    }
}
