namespace PortedStorm;

/// <summary>storm-starter's TestWordSpout, ported: a random word every 10 ms (Storm's sleeps 100 ms), tracked by a message id.</summary>
internal sealed class WordSpout : BaseRichSpout
{
    private static readonly string[] Words = ["nathan", "mike", "jackson", "golda", "bertels"];
    private SpoutOutputCollector? _collector;
    private long _next;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    public override void NextTuple()
    {
        Thread.Sleep(10);
        _collector!.Emit(new Values(new Word(Words[Random.Shared.Next(Words.Length)], 0)), messageId: _next++);
    }
}
