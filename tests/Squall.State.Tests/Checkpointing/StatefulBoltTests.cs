using Squall.State.Tests.Topologies;
using Squall.Stateful;
using Squall.Testing;

namespace Squall.State.Tests.Checkpointing;

[Trait("Category", "Integration")]
public sealed class StatefulBoltTests
{
    [Fact]
    public void A_stateful_word_count_counts_every_word_and_acks_each_sentence_after_its_state_commits()
    {
        string[] sentences = ["the cow jumped over the moon", "an apple a day", "the moon"];
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new FixedSpout([.. sentences.Select(s => new Values(s))], new Fields("sentence"), log));
        builder.SetBolt("split", () => new SplitWords(), 2).ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new StatefulWordCount.StatefulCountBolt(), 2).FieldsGrouping("split", new Fields("word"));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("count");
        var topology = builder.CreateTopology();
        topology.SpoutIds.ShouldContain(Checkpoint.ComponentId);

        using var cluster = new LocalCluster();
        cluster.SubmitTopology("stateful", new Config { [Config.TopologyStateCheckpointIntervalMs] = 100 }, topology);

        // Acks are held until the checkpoint that covers them commits, so all three acked means a commit happened.
        Wait.UntilEqual(() => log.AckCount, 3, "every sentence acked after a checkpoint commit");
        var finalCounts = sink.All.GroupBy(r => (string)r.Values[0]!).ToDictionary(g => g.Key, g => g.Max(r => (long)r.Values[1]!));
        finalCounts["the"].ShouldBe(3);
        finalCounts["moon"].ShouldBe(2);
        finalCounts.Values.Sum().ShouldBe(sentences.Sum(s => s.Split(' ').Length));
        cluster.GetErrors("stateful").ShouldBeEmpty();
    }

    [Fact]
    public void A_stateful_windowed_bolt_keeps_a_running_total_and_acks_window_tuples_only_after_they_expire_and_commit()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout([.. Enumerable.Range(1, 9).Select(i => new Values(i))], new Fields("n"), log));
        builder.SetBolt("sum", () => new StatefulSumWindowBolt().WithTumblingWindow(new Squall.Windowing.Count(3))).ShuffleGrouping("numbers");
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("sum");

        using var cluster = new LocalCluster();
        cluster.SubmitTopology("stateful-windows", new Config { [Config.TopologyStateCheckpointIntervalMs] = 100 }, builder.CreateTopology());
        sink.WaitForCount(3);

        sink.All.Select(r => ((long)r.Values[0]!, (long)r.Values[1]!)).ShouldBe([(6L, 6L), (15L, 21L), (24L, 45L)]);
        // The first two windows expired (when the next closed) and a checkpoint committed: 6 acked; the last window's 3 wait.
        Wait.UntilEqual(() => log.AckCount, 6, "expired window tuples acked after a commit");
        cluster.GetErrors("stateful-windows").ShouldBeEmpty();
    }

    [Fact]
    public void A_stateful_bolt_that_emits_unanchored_is_told_to_anchor()
    {
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new FixedSpout([new Values("x")], new Fields("sentence"), log));
        builder.SetBolt("bad", () => new UnanchoredStatefulBolt()).ShuffleGrouping("sentences");

        using var cluster = new LocalCluster(new LocalClusterOptions { OnError = null });
        cluster.SubmitTopology("bad", new Config { [Config.TopologyStateCheckpointIntervalMs] = 100 }, builder.CreateTopology());
        Wait.Until(() => cluster.GetErrors("bad").Count > 0, "the unanchored emit reported");
        cluster.GetErrors("bad")[0].ToString().ShouldContain("must emit anchored tuples");
    }

    private sealed class UnanchoredStatefulBolt : BaseStatefulBolt<KeyValueState<string, long>>
    {
        private OutputCollector? _collector;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("x"));

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

        public override void InitState(KeyValueState<string, long> state)
        {
        }

        public override void Execute(Tuple input) => _collector!.Emit(new Values("unanchored"));
    }
}
