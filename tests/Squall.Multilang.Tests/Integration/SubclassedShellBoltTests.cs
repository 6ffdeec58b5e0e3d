using Squall.Multilang.Tests.Support;

namespace Squall.Multilang.Tests.Integration;

/// <summary>A shell bolt written the Storm way: a subclass that names its script and declares its fields.</summary>
[Trait("Category", "Integration")]
public sealed class SubclassedShellBoltTests
{
    [Fact]
    public void A_ShellBolt_subclass_declares_its_own_fields_and_runs_its_child()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("words", () => new NoSpout());
        builder.SetBolt("echo", () => new EchoBolt()).ShuffleGrouping("words");
        builder.SetBolt("sink", () => new NoBolt()).ShuffleGrouping("echo", "report");
        builder.CreateTopology();   // the subclass's declared streams satisfy the validator

        using var harness = new BoltHarness(new EchoBolt());
        harness.Send("hello");
        harness.Recorder.Emits.Single().Values.ShouldBe(["hello"]);
        harness.Recorder.Emits.Single().Stream.ShouldBe("report");
    }

    /// <summary>As a Storm user writes <c>class SplitSentence extends ShellBolt implements IRichBolt</c>.</summary>
    private sealed class EchoBolt : ShellBolt
    {
        public EchoBolt()
            : base("node", "echo_bolt.js")
        {
        }

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
            declarer.Declare(new Fields("word"));
            declarer.DeclareStream("report", new Fields("value"));
        }
    }

    private sealed class NoSpout : BaseRichSpout
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

        public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
        {
        }

        public override void NextTuple()
        {
        }
    }

    private sealed class NoBolt : BaseRichBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
        {
        }

        public override void Execute(Tuple input)
        {
        }
    }
}
