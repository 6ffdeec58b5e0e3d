using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class RebalanceTests
{
    private const int Messages = 3000;

    [Fact]
    public void Rebalance_changes_executor_counts_midstream_without_losing_or_duplicating_tuples()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var inputs = Enumerable.Range(0, Messages).Select(n => new Values(n, $"w{n % 23}")).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(inputs, new Fields("n", "word"), log));
        builder.SetBolt("forward", () => new CaptureBolt(new CaptureSink(), new Fields("n", "word")), 2).SetNumTasks(3).ShuffleGrouping("spout");
        builder.SetBolt("sink", () => new CaptureBolt(sink), 2).SetNumTasks(4).FieldsGrouping("forward", new Fields("word"));
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("rebalance", Clusters.Conf((Config.TopologyMaxSpoutPending, 100)), builder.CreateTopology());

        sink.WaitForCount(Messages / 3);
        cluster.Rebalance("rebalance", new Dictionary<string, int> { ["sink"] = 4, ["forward"] = 3 });
        sink.WaitForCount(2 * Messages / 3);
        cluster.Rebalance("rebalance", new Dictionary<string, int> { ["sink"] = 1, ["forward"] = 1 });
        Wait.Until(() => log.Acks.Count == Messages, "every message acked");
        cluster.KillTopology("rebalance");

        log.Acks.Values.ShouldAllBe(n => n == 1);
        log.Fails.ShouldBeEmpty();
        sink.All.Select(r => (int)r.First!).Order().ShouldBe(Enumerable.Range(0, Messages));
        sink.All.GroupBy(r => r.Values[1]).ShouldAllBe(g => g.Select(r => r.TaskId).Distinct().Count() == 1);
    }

    [Theory]
    [InlineData("sink", 5, "Component 'sink': 5 executors is outside 1..4 (its task count, fixed at submit).")]
    [InlineData("sink", 0, "Component 'sink': 0 executors is outside 1..4 (its task count, fixed at submit).")]
    [InlineData("nope", 1, "Component 'nope' is not in the topology.")]
    public void Rebalance_rejects_counts_outside_the_task_count(string component, int executors, string problem)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        builder.SetBolt("sink", () => new CaptureBolt(new CaptureSink()), 2).SetNumTasks(4).ShuffleGrouping("spout");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("bad-rebalance", new Config(), builder.CreateTopology());

        var error = Should.Throw<InvalidTopologyException>(() => cluster.Rebalance("bad-rebalance", new Dictionary<string, int> { [component] = executors }));

        error.Problems.ShouldBe([problem]);
        cluster.KillTopology("bad-rebalance");
    }
}
