using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Acking;

[Trait("Category", "Integration")]
public sealed class AnchoringTests
{
    private static readonly Fields NumberAndKey = new("n", "key");

    [Fact]
    public void Diamond_joined_by_a_multi_anchored_tuple_acks_every_message_once()
    {
        // spout → left, right (each forwards, anchored) → join on n (two copies of one tree) → sink.
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var inputs = Enumerable.Range(0, 200).Select(n => new Values(n, n)).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(inputs, NumberAndKey, log));
        builder.SetBolt("left", () => new CaptureBolt(new CaptureSink(), NumberAndKey), 2).ShuffleGrouping("spout");
        builder.SetBolt("right", () => new CaptureBolt(new CaptureSink(), NumberAndKey), 2).ShuffleGrouping("spout");
        builder.SetBolt("join", () => new PairJoinBolt(), 3).FieldsGrouping("left", new Fields("key")).FieldsGrouping("right", new Fields("key"));
        builder.SetBolt("sink", () => new CaptureBolt(sink)).ShuffleGrouping("join");
        using var cluster = Clusters.Create();

        CompleteTopology.Run(cluster, "diamond", new Config(), builder.CreateTopology(), log, 200);

        log.Acks.Values.ShouldAllBe(n => n == 1);
        log.Fails.ShouldBeEmpty();
        sink.All.Select(r => (int)r.First!).Order().ShouldBe(Enumerable.Range(0, 200));
    }

    [Fact]
    public void A_tuple_anchored_to_two_trees_completes_both_and_its_failure_fails_both()
    {
        // Messages 2k and 2k+1 share key k; the join anchors its output to both trees; the sink fails keys divisible by 5.
        var log = new SpoutLog();
        var inputs = Enumerable.Range(0, 200).Select(n => new Values(n, n / 2)).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(inputs, NumberAndKey, log));
        builder.SetBolt("join", () => new PairJoinBolt(), 3).FieldsGrouping("spout", new Fields("key"));
        builder.SetBolt("sink", () => new FailingBolt(key => key % 5 == 0, "key divisible by 5"), 2).ShuffleGrouping("join");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("two-trees", new Config(), builder.CreateTopology());

        Wait.Until(() => log.Acks.Count + log.Fails.Count == 200, "a verdict for every message");
        cluster.KillTopology("two-trees");

        var failed = Enumerable.Range(0, 200).Where(n => n / 2 % 5 == 0).ToList();
        log.Fails.Select(f => (int)f.MessageId).Order().ShouldBe(failed);
        log.Fails.ShouldAllBe(f => f.Reason!.ComponentId == "sink" && f.Reason.Message == "key divisible by 5");
        log.Acks.Keys.Select(k => (int)k).Order().ShouldBe(Enumerable.Range(0, 200).Except(failed));
        log.Acks.Values.ShouldAllBe(n => n == 1);
    }
}
