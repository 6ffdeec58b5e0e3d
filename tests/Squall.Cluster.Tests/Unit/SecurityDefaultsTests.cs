using Squall.Cluster.Configuration;
using Squall.Cluster.DevCluster;
using Squall.Cluster.Nimbus;
using Squall.Cluster.Worker;

namespace Squall.Cluster.Tests.Unit;

/// <summary>Safe defaults and separate credentials, checked on the options and the token rules themselves.</summary>
[Trait("Category", "Unit")]
public sealed class SecurityDefaultsTests
{
    [Fact]
    public void Daemons_and_workers_listen_on_loopback_unless_configured()
    {
        var conf = new Config { [ClusterKeys.ApiToken] = "0123456789", [ClusterKeys.SupervisorToken] = "9876543210" };
        NimbusOptions.FromConfig(conf).BindHost.ShouldBe("127.0.0.1");
        SupervisorOptions.FromConfig(conf).BindHost.ShouldBe("127.0.0.1");
        WorkerHostOptions.FromConfig(conf, "t", 1, 6700, "s", "/p", "/s").BindHost.ShouldBe("127.0.0.1");

        conf[ClusterKeys.BindHost] = "0.0.0.0";
        NimbusOptions.FromConfig(conf).BindHost.ShouldBe("0.0.0.0");
        WorkerHostOptions.FromConfig(conf, "t", 1, 6700, "s", "/p", "/s").BindHost.ShouldBe("0.0.0.0");
    }

    [Fact]
    public void The_log_viewer_listens_on_loopback_even_when_the_supervisor_binds_wider()
    {
        var conf = new Config { [ClusterKeys.SupervisorToken] = "9876543210", [ClusterKeys.ZooKeeperAuthPayload] = "squall:0123456789", [ClusterKeys.BindHost] = "0.0.0.0" };
        var options = SupervisorOptions.FromConfig(conf);
        (options.BindHost, options.LogviewerHost, options.LogviewerPort).ShouldBe(("0.0.0.0", "127.0.0.1", 8000));
        SupervisorOptionsValidator.Validate(options).ShouldBeEmpty();

        conf[ClusterKeys.LogviewerHost] = "0.0.0.0";
        conf[ClusterKeys.LogviewerPort] = "8123";
        (SupervisorOptions.FromConfig(conf).LogviewerHost, SupervisorOptions.FromConfig(conf).LogviewerPort).ShouldBe(("0.0.0.0", 8123));

        conf[ClusterKeys.LogviewerHost] = "every interface";
        SupervisorOptionsValidator.Validate(SupervisorOptions.FromConfig(conf)).ShouldHaveSingleItem().ShouldContain(ClusterKeys.LogviewerHost);
        ClusterKeys.Unknown(conf).ShouldBeEmpty();
    }

    [Fact]
    public void Each_token_opens_only_its_own_calls()
    {
        var credentials = new ApiCredentials("client-token-1", "read-token-22", "supervisor-token-333");

        credentials.Allows(ApiAccess.Write, "Bearer client-token-1").ShouldBeTrue();
        credentials.Allows(ApiAccess.Read, "Bearer client-token-1").ShouldBeTrue();
        credentials.Allows(ApiAccess.Internal, "Bearer client-token-1").ShouldBeFalse("a client token cannot act as a supervisor");

        credentials.Allows(ApiAccess.Read, "Bearer read-token-22").ShouldBeTrue();
        credentials.Allows(ApiAccess.Write, "Bearer read-token-22").ShouldBeFalse();
        credentials.Allows(ApiAccess.Internal, "Bearer read-token-22").ShouldBeFalse();

        credentials.Allows(ApiAccess.Internal, "Bearer supervisor-token-333").ShouldBeTrue();
        credentials.Allows(ApiAccess.Write, "Bearer supervisor-token-333").ShouldBeFalse("a supervisor cannot submit or kill");
        credentials.Allows(ApiAccess.Read, "Bearer supervisor-token-333").ShouldBeFalse();

        credentials.Allows(ApiAccess.Write, "client-token-1").ShouldBeFalse();
        credentials.Allows(ApiAccess.Write, "Bearer client-token-").ShouldBeFalse();
    }

    [Fact]
    public void Nimbus_refuses_a_supervisor_token_equal_to_a_client_token()
    {
        var conf = new Config { [ClusterKeys.ApiToken] = "same-token-123", [ClusterKeys.SupervisorToken] = "same-token-123", [ClusterKeys.ZooKeeperAuthPayload] = "squall:0123456789" };
        NimbusOptionsValidator.Validate(NimbusOptions.FromConfig(conf)).ShouldHaveSingleItem().ShouldContain("must differ");

        conf[ClusterKeys.ApiReadToken] = "same-token-123";
        conf[ClusterKeys.SupervisorToken] = "other-token-456";
        NimbusOptionsValidator.Validate(NimbusOptions.FromConfig(conf)).ShouldHaveSingleItem().ShouldContain(ClusterKeys.ApiReadToken);
    }

    [Fact]
    public void A_supervisor_needs_the_supervisor_token_not_the_client_token()
    {
        var conf = new Config { [ClusterKeys.ApiToken] = "0123456789", [ClusterKeys.ZooKeeperAuthPayload] = "squall:0123456789" };
        SupervisorOptionsValidator.Validate(SupervisorOptions.FromConfig(conf)).ShouldHaveSingleItem().ShouldContain(ClusterKeys.SupervisorToken);
    }

    [Fact]
    public void Addresses_from_zookeeper_are_trusted_only_when_they_are_seeds()
    {
        var seeds = KnownNimbuses.FromConfig(new Config { [ClusterKeys.NimbusSeeds] = new List<string> { "nimbus1", "nimbus2:7000" }, [ClusterKeys.NimbusHttpPort] = "6627" });

        seeds.Addresses.ShouldBe(["nimbus1:6627", "nimbus2:7000"]);
        seeds.Contains("nimbus1:6627").ShouldBeTrue();
        seeds.Contains("NIMBUS2:7000").ShouldBeTrue();
        seeds.Contains("attacker:6627").ShouldBeFalse();
        seeds.Contains("nimbus1:6628").ShouldBeFalse();
    }

    [Fact]
    public void Secrets_are_never_handed_to_workers()
    {
        ClusterKeys.Secrets.ShouldBe([ClusterKeys.ApiToken, ClusterKeys.ApiReadToken, ClusterKeys.SupervisorToken, ClusterKeys.ZooKeeperAuthPayload, ClusterKeys.ZooKeeperTopologyAuthPayload], ignoreOrder: true);
    }

    [Fact]
    public void A_secret_file_is_readable_by_its_owner_only()
    {
        var path = Path.Combine(Path.GetTempPath(), "squall-secret-" + Guid.NewGuid().ToString("N"));
        try
        {
            SecretFile.Write(path, "squall.api.token: x");
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.ReadAllText(path).ShouldBe("squall.api.token: x");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Tls_needs_both_certificate_and_key_and_files_that_exist()
    {
        new ApiTls { CertificatePath = "/no/cert.pem" }.Validate().ShouldContain(e => e.Contains(ClusterKeys.ApiTlsKey, StringComparison.Ordinal));
        new ApiTls { CertificatePath = "/no/cert.pem", KeyPath = "/no/key.pem" }.Validate().ShouldContain(e => e.Contains("no file at '/no/cert.pem'", StringComparison.Ordinal));
        ApiTls.None.Scheme.ShouldBe("http");
        new ApiTls { CaPath = "/etc/ca.pem" }.Scheme.ShouldBe("https");
    }

    [Fact]
    public void Dev_cluster_deals_out_configured_slot_ports()
    {
        var options = new DevClusterOptions { Conf = new Config { [ClusterKeys.SupervisorSlotsPorts] = new List<string> { "7000", "7001", "7002", "7003", "7004" } }, Supervisors = 2 };
        options.SlotPorts().Select(p => p.ToArray()).ShouldBe([[7000, 7001, 7002], [7003, 7004]]);
        options.Validate().ShouldBeEmpty();

        new DevClusterOptions { Conf = new Config(), Supervisors = 2, SlotsPerSupervisor = 3 }.SlotPorts().Select(p => p.ToArray())
            .ShouldBe([[6700, 6701, 6702], [6703, 6704, 6705]]);
        new DevClusterOptions { Conf = new Config { [ClusterKeys.SupervisorSlotsPorts] = "7000" }, Supervisors = 2 }.Validate().ShouldNotBeEmpty();
    }
}
