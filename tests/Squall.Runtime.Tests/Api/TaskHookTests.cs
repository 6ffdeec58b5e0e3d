using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Api;

/// <summary>Task hooks: added from Prepare or by topology.auto.task.hooks, they see emits, executes, acks and fails.</summary>
[Trait("Category", "Integration")]
public sealed class TaskHookTests
{
    /// <remarks>Local-or-shuffle from a spout with as many tasks: the bolt runs fused into the spout's executor, hooks unchanged.</remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_hook_added_in_prepare_sees_the_bolts_executes_emits_and_acks(bool fused)
    {
        var events = new ConcurrentQueue<string>();
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(Clusters.Numbers(3), new Fields("n"), log));
        var hooked = builder.SetBolt("hooked", () => new HookingBolt(events));
        _ = fused ? hooked.LocalOrShuffleGrouping("numbers") : hooked.ShuffleGrouping("numbers");
        using var cluster = Clusters.Create();

        using var topology = cluster.SubmitTopology("hooks", new Config(), builder.CreateTopology());
        Wait.UntilEqual(() => log.AckCount, 3, "every number acked");

        events.Count(e => e.StartsWith("prepare", StringComparison.Ordinal)).ShouldBe(1);
        events.Count(e => e == "execute numbers").ShouldBe(3);
        events.Count(e => e.StartsWith("emit default [", StringComparison.Ordinal)).ShouldBe(3);
        events.Count(e => e == "ack").ShouldBe(3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Auto_task_hooks_are_added_to_every_task_and_see_spout_acks_and_failures(bool fused)
    {
        var id = Guid.NewGuid().ToString("N");
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(Clusters.Numbers(4), new Fields("n"), log));
        var oddFails = builder.SetBolt("odd-fails", () => new FailOddBolt());
        _ = fused ? oddFails.LocalOrShuffleGrouping("numbers") : oddFails.ShuffleGrouping("numbers");
        var conf = new Config { ["test.hook.id"] = id }.AddAutoTaskHook(typeof(CountingHook));
        using var cluster = Clusters.Create();

        using var topology = cluster.SubmitTopology("auto-hooks", conf, builder.CreateTopology());
        Wait.Until(() => log.AckCount + log.Fails.Count == 4, "every number acked or failed");
        Wait.Until(() => CountingHook.Events(id).Count(e => e.StartsWith("spout", StringComparison.Ordinal)) == 4, "the spout hook saw every outcome");

        var events = CountingHook.Events(id);
        events.Count(e => e.StartsWith("prepare", StringComparison.Ordinal)).ShouldBe(2);   // one per user task (ackers have none)
        events.Count(e => e == "spout-ack").ShouldBe(2);
        events.Where(e => e.StartsWith("spout-fail", StringComparison.Ordinal)).ShouldAllBe(e => e.Contains("failed by odd-fails"));
        events.Count(e => e.StartsWith("bolt-fail", StringComparison.Ordinal)).ShouldBe(2);
    }

    private sealed class HookingBolt(ConcurrentQueue<string> events) : BaseRichBolt
    {
        private OutputCollector? _collector;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
        {
            _collector = collector;
            context.AddTaskHook(new RecordingHook(events));
        }

        public override void Execute(Tuple input)
        {
            _collector!.Emit(input, input.GetValues());
            _collector.Ack(input);
        }
    }

    private sealed class RecordingHook(ConcurrentQueue<string> events) : BaseTaskHook
    {
        public override void Prepare(Config conf, TopologyContext context) => events.Enqueue($"prepare {context.ThisComponentId}");

        public override void Emit(EmitInfo info) => events.Enqueue($"emit {info.Stream} {info.Values}");

        public override void BoltExecute(BoltExecuteInfo info) => events.Enqueue($"execute {info.Tuple.SourceComponent}");

        public override void BoltAck(BoltAckInfo info) => events.Enqueue("ack");
    }

    private sealed class FailOddBolt : BaseRichBolt
    {
        private OutputCollector? _collector;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

        public override void Execute(Tuple input)
        {
            if (input.GetInteger(0) % 2 == 1)
            {
                _collector!.Fail(input, "odd");
            }
            else
            {
                _collector!.Ack(input);
            }
        }
    }
}
