using Squall.Cluster.Configuration;

namespace Squall.Cluster.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ConfigTests
{
    [Fact]
    public void Yaml_and_overrides_become_typed_options()
    {
        var conf = new Config();
        ClusterConfigLoader.ReadYaml("""
            storm.zookeeper.servers: ["zk1", "zk2:2182"]
            storm.zookeeper.port: 2181
            supervisor.slots.ports:
              - 6700
              - 6701
            squall.supervisor.token: "0123456789"
            storm.zookeeper.auth.payload: "squall:0123456789"
            """, conf, "squall.yaml");
        ClusterConfigLoader.ApplyOverrides(conf, ["storm.local.hostname=node-1", "supervisor.slots.ports=[7000,7001,7002]"]);

        var supervisor = SupervisorOptions.FromConfig(conf);
        supervisor.ZooKeeper.ConnectionString.ShouldBe("zk1:2181,zk2:2182");
        supervisor.Host.ShouldBe("node-1");
        supervisor.SlotPorts.ShouldBe([7000, 7001, 7002]);
        SupervisorOptionsValidator.Validate(supervisor).ShouldBeEmpty();
    }

    [Fact]
    public void Nimbus_without_a_token_is_refused_with_the_key_to_set()
    {
        var errors = NimbusOptionsValidator.Validate(NimbusOptions.FromConfig(new Config()));
        errors.Count.ShouldBe(3);
        errors[0].ShouldContain(ClusterKeys.ZooKeeperAuthPayload);
        errors[1].ShouldContain(ClusterKeys.ApiToken);
        errors[2].ShouldContain(ClusterKeys.SupervisorToken);
    }

    [Fact]
    public void Unknown_daemon_and_topology_keys_are_reported()
    {
        var conf = new Config { ["nimbus.seedz"] = "x", ["topology.wokers"] = "2", ["nimbus.seeds"] = "a", ["my.own.key"] = "kept" };
        ClusterKeys.Unknown(conf).ShouldBe(["nimbus.seedz", "topology.wokers"]);
    }

    [Fact]
    public void Bad_yaml_names_the_file()
    {
        Should.Throw<FormatException>(() => ClusterConfigLoader.ReadYaml("a: [", new Config(), "squall.yaml")).Message.ShouldContain("squall.yaml");
    }
}
