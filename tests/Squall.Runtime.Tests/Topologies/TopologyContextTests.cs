using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class TopologyContextTests
{
    [Fact]
    public void Context_gives_each_task_its_ids_index_components_and_fields()
    {
        var contexts = new ConcurrentBag<TopologyContext>();
        var builder = new TopologyBuilder();
        builder.SetSpout("source", () => new FixedSpout([], new Fields("word", "n"), new SpoutLog()));
        builder.SetBolt("bolt", () => new ContextBolt(contexts), 2).SetNumTasks(3).FieldsGrouping("source", new Fields("word"));
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("ctx", new Config(), builder.CreateTopology());

        Wait.Until(() => contexts.Count == 3, "3 bolt tasks prepared");
        cluster.KillTopology("ctx");

        // Task ids are dense from 1, assigned in component-id order (bolt 1-3, source 4), then the acker.
        var byTask = contexts.OrderBy(c => c.ThisTaskId).ToList();
        byTask.Select(c => c.ThisTaskId).ShouldBe([1, 2, 3]);
        byTask.Select(c => c.ThisTaskIndex).ShouldBe([0, 1, 2]);
        var context = byTask[0];
        context.TopologyId.ShouldBe("ctx");
        context.ThisComponentId.ShouldBe("bolt");
        context.ComponentIds.ShouldBe(["bolt", "source"]);
        context.GetComponentTasks("bolt").ShouldBe([1, 2, 3]);
        context.GetComponentTasks("source").ShouldBe([4]);
        context.GetComponentTasks(Constants.AckerComponentId).ShouldBe([5]);
        context.GetComponentTasks("nope").ShouldBeEmpty();
        context.GetComponentId(4).ShouldBe("source");
        context.GetComponentOutputFields("source", Constants.DefaultStreamId).ShouldBe(["word", "n"]);
        context.GetThisOutputFields("out").ShouldBe(["count"]);
        context.GetThisStreams().ShouldBe(["out"]);
        context.GetThisSources().ShouldHaveSingleItem().SourceComponent.ShouldBe("source");
    }

    private sealed class ContextBolt(ConcurrentBag<TopologyContext> contexts) : BaseRichBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.DeclareStream("out", new Fields("count"));

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => contexts.Add(context);

        public override void Execute(Tuple input)
        {
        }
    }
}
