using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class ConfigTests
{
    [Fact]
    public void Submit_rejects_an_unknown_topology_key()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        using var cluster = Clusters.Create();

        var error = Should.Throw<InvalidTopologyException>(() =>
            cluster.SubmitTopology("typo", Clusters.Conf(("topology.max.spout.pendng", 5), ("my.own.key", 1)), builder.CreateTopology()));

        error.Problems.ShouldBe(["Configuration key 'topology.max.spout.pendng' is not a key Squall knows (a typo?)."]);
        cluster.TopologyNames.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Config.TopologyBatchFlushIntervalMillis, -1, "0 (flush after every NextTuple call) or more")]
    [InlineData(Config.TopologySpoutRecvqSkips, 0, "at least 1")]
    [InlineData(Config.TopologyWorkerExecutorThreads, 0, "between 1 and 256")]
    public void Submit_rejects_a_bad_executor_setting_naming_the_key(string key, int value, string expected)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        using var cluster = Clusters.Create();

        var error = Should.Throw<InvalidTopologyException>(() => cluster.SubmitTopology("bad", Clusters.Conf((key, value)), builder.CreateTopology()));

        error.Problems.ShouldBe([$"Configuration '{key}' must be {expected}, but is {value}."]);
    }

    [Fact]
    public void The_executor_settings_are_accepted_with_Storms_defaults_and_Squalls_pool_size()
    {
        var options = TopologyOptions.From(new Config());
        options.BatchFlushIntervalMillis.ShouldBe(1);
        options.SpoutRecvqSkips.ShouldBe(3);
        options.WorkerExecutorThreads.ShouldBeNull("one pool thread per core unless set");

        var set = TopologyOptions.From(Clusters.Conf((Config.TopologyWorkerExecutorThreads, 3), (Config.TopologyBatchFlushIntervalMillis, 0)));
        set.WorkerExecutorThreads.ShouldBe(3);
        set.BatchFlushIntervalMillis.ShouldBe(0);
    }
}
