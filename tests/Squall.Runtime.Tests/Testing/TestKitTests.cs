using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Testing;

/// <summary>The test kit a Storm user expects: CompleteTopology with mocked sources, FeederSpout, tracked waits.</summary>
[Trait("Category", "Integration")]
public sealed class TestKitTests
{
    [Fact]
    public void CompleteTopology_returns_every_components_tuples_per_stream_from_mocked_sources()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new RealSpout());
        builder.SetBolt("split", () => new SplitBolt(), 2).ShuffleGrouping("sentences");
        builder.SetBolt("echo", () => new CaptureBolt(new CaptureSink(), new Fields("word"))).ShuffleGrouping("split");
        var mocked = new MockedSources().AddMockData("sentences", new Values("a b"), new Values("c"));
        using var cluster = Clusters.Create();

        var result = CompleteTopology.Run(cluster, builder.CreateTopology(), mocked, new Config());

        result.ReadTuples("sentences").ShouldBe([new Values("a b"), new Values("c")], ignoreOrder: true);
        result.ReadTuples("split").ShouldBe([new Values("a"), new Values("b"), new Values("c")], ignoreOrder: true);
        result.ReadTuples("split", "lengths").ShouldBe([new Values(2), new Values(1)], ignoreOrder: true);
        result.ReadTuples("echo").Count.ShouldBe(3);
        result.Failures["sentences"].ShouldBeEmpty();
        cluster.TopologyNames.ShouldBeEmpty();
    }

    [Fact]
    public void A_tracked_topology_fed_by_a_feeder_spout_waits_until_idle()
    {
        var feeder = new FeederSpout(new Fields("sentence"));
        var builder = new TopologyBuilder();
        builder.SetSpout("feed", () => feeder);
        builder.SetBolt("split", () => new SplitBolt(), 2).ShuffleGrouping("feed");
        using var cluster = Clusters.Create();
        using var tracked = TrackedTopology.Submit(cluster, "fed", new Config(), builder.CreateTopology());

        feeder.Feed(new Values("x y z"), "m1");
        tracked.WaitIdle(() => feeder.Queued == 0);
        tracked.ReadTuples("split").Count.ShouldBe(3);

        feeder.Feed(new Values("w"));
        tracked.WaitIdle(() => feeder.Queued == 0);
        tracked.ReadTuples("split").Count.ShouldBe(4);
        Wait.UntilEqual(() => feeder.Acked.Count, 1, "the tracked sentence acked");
        feeder.Acked.ShouldBe(["m1"]);
    }

    /// <summary>Declares the stream; must never run when mocked.</summary>
    private sealed class RealSpout : BaseRichSpout
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("sentence"));

        public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) =>
            throw new InvalidOperationException("the real spout must not run");

        public override void NextTuple()
        {
        }
    }

    private sealed class SplitBolt : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
            declarer.Declare(new Fields("word"));
            declarer.DeclareStream("lengths", new Fields("words"));
        }

        public override void Execute(Tuple input, BasicOutputCollector collector)
        {
            var words = input.GetString(0)!.Split(' ');
            foreach (var word in words)
            {
                collector.Emit(new Values(word));
            }

            collector.Emit("lengths", new Values(words.Length));
        }
    }
}
