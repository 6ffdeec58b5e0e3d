using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Api;

/// <summary>TopologyContext queries, collector flush and direct emits, and the LocalCluster's handle and info.</summary>
[Trait("Category", "Integration")]
public sealed class ContextAndClusterApiTests
{
    [Fact]
    public void The_context_answers_storms_queries_and_keeps_task_data()
    {
        var seen = new ConcurrentQueue<TopologyContext>();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        builder.SetBolt("bolt", () => new ContextBolt(seen)).FieldsGrouping("numbers", new Fields("n"));
        using var cluster = Clusters.Create();

        using var topology = cluster.SubmitTopology("context", new Config { NumWorkers = 2 }, builder.CreateTopology());
        Wait.Until(() => !seen.IsEmpty, "the bolt prepared");

        var context = seen.Single();
        context.GetTaskToComponent().ShouldBe(new Dictionary<int, string> { [1] = "bolt", [2] = "numbers", [3] = "__acker", [4] = "__acker" });
        var source = context.GetSources("bolt").ShouldHaveSingleItem();
        source.Key.ShouldBe(new GlobalStreamId("numbers", "default"));
        source.Value.Kind.ShouldBe(GroupingKind.Fields);
        context.GetTargets("numbers")["default"]["bolt"].Kind.ShouldBe(GroupingKind.Fields);
        context.GetThisInputFields()["numbers"]["default"].ShouldBe(new Fields("n"));
        context.ThisWorkerPort.ShouldBeGreaterThan(0);   // two workers: each listens for the other
        context.GetTaskData("prepared-at").ShouldBe("prepare");
    }

    [Fact]
    public void Direct_emits_with_anchors_and_flush_reach_the_chosen_task()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(Clusters.Numbers(4), new Fields("n"), log));
        builder.SetBolt("router", () => new AnchoredDirectBolt()).ShuffleGrouping("numbers");
        builder.SetBolt("sink", () => new CaptureBolt(sink), 2).DirectGrouping("router", "routed");
        using var cluster = Clusters.Create();

        using var topology = cluster.SubmitTopology("direct", new Config(), builder.CreateTopology());

        Wait.UntilEqual(() => log.AckCount, 4, "every number acked through the anchored direct emits");
        sink.All.Select(r => r.TaskId).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public void The_submit_handle_kills_on_dispose_and_info_has_executors_and_errors()
    {
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(Clusters.Numbers(3), new Fields("n"), log));
        builder.SetBolt("throws", () => new ReportingBolt(), 2).ShuffleGrouping("numbers");
        using var cluster = Clusters.Create();

        using (var topology = cluster.SubmitTopology("info", new Config(), builder.CreateTopology()))
        {
            Wait.Until(() => cluster.GetErrors("info").Count == 3, "three errors reported");
            var info = topology.Info;
            info.Status.ShouldBe("ACTIVE");
            info.Workers.ShouldBe(1);
            info.Components.Select(c => c.ComponentId).ShouldBe(["__acker", "numbers", "throws"]);
            info.Executors.Where(e => e.ComponentId == "throws").Sum(e => e.Stats.Executed).ShouldBe(3);
            info.Executors.Count(e => e.ComponentId == "throws").ShouldBe(2);
            info.Errors.Count.ShouldBe(3);
            var summary = cluster.GetClusterInfo().Topologies.ShouldHaveSingleItem();
            (summary.Name, summary.Executors, summary.Tasks).ShouldBe(("info", 4, 4));
            cluster.Deactivate("info");
            cluster.GetTopologyInfo("info").Status.ShouldBe("INACTIVE");
        }

        cluster.TopologyNames.ShouldBeEmpty();
        cluster.GetClusterInfo().Topologies.ShouldBeEmpty();
    }

    private sealed class ReportingBolt : BaseRichBolt
    {
        private OutputCollector? _collector;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

        public override void Execute(Tuple input)
        {
            _collector!.ReportError(new InvalidOperationException($"reported for {input.GetInteger(0)}"));
            _collector.Ack(input);
        }
    }

    private sealed class ContextBolt(ConcurrentQueue<TopologyContext> seen) : BaseRichBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
        {
            context.SetTaskData("prepared-at", "prepare");
            seen.Enqueue(context);
        }

        public override void Execute(Tuple input)
        {
        }
    }

    /// <summary>Sends every input to the first sink task with each anchored overload, then flushes.</summary>
    private sealed class AnchoredDirectBolt : BaseRichBolt
    {
        private OutputCollector? _collector;
        private int _target;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.DeclareStream("routed", true, new Fields("n"));

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
        {
            _collector = collector;
            _target = context.GetComponentTasks("sink")[0];
        }

        public override void Execute(Tuple input)
        {
            if (input.GetInteger(0) % 2 == 0)
            {
                _collector!.EmitDirect(_target, "routed", input, input.GetValues());
            }
            else
            {
                _collector!.EmitDirect(_target, "routed", [input], input.GetValues());
            }

            _collector.Flush();
            _collector.Ack(input);
        }
    }
}
