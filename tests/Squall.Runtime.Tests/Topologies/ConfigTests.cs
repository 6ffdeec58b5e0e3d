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
}
