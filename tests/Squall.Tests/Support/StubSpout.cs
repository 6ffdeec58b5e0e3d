namespace Squall.Tests.Support;

/// <summary>A spout that declares the given streams and never emits; enough to build topologies.</summary>
internal sealed class StubSpout(params (string Stream, bool Direct, string[] Fields)[] streams) : BaseRichSpout
{
    public static StubSpout Default() => new((Constants.DefaultStreamId, false, ["n"]));

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        foreach (var (stream, direct, fields) in streams)
        {
            declarer.DeclareStream(stream, direct, new Fields(fields));
        }
    }

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
    }

    public override void NextTuple()
    {
    }
}
