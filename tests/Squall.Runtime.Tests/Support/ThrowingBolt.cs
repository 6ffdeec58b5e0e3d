namespace Squall.Runtime.Tests.Support;

/// <summary>Throws on the number <c>bad</c>, and passes every other tuple to a sink, acked.</summary>
internal sealed class ThrowingBolt(int bad, CaptureSink sink) : BaseRichBolt
{
    private readonly CaptureBolt _inner = new(sink);

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
        => _inner.Prepare(conf, context, collector);

    public override void Execute(Tuple input)
    {
        if (input.GetInteger(0) == bad)
        {
            Explode(bad);
        }

        _inner.Execute(input);
    }

    private static void Explode(int n) => throw new InvalidOperationException($"bad number {n}");
}
