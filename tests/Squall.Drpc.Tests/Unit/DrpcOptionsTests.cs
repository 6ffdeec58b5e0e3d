namespace Squall.Drpc.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class DrpcOptionsTests
{
    [Fact]
    public void Defaults_are_Storms_ports_and_loopback()
    {
        var options = DrpcOptions.FromConfig(new Config());
        options.HttpPort.ShouldBe(3774);
        options.InvocationsPort.ShouldBe(3773);
        options.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(600));
        options.BindHost.ShouldBe("127.0.0.1");
        options.Servers.ShouldBeEmpty();
        options.InvocationsToken.ShouldBeNull();
    }

    [Fact]
    public void Servers_accept_a_yaml_list_or_a_comma_string_with_optional_ports()
    {
        var fromList = DrpcOptions.FromConfig(new Config { [DrpcKeys.Servers] = new List<string> { "a", "b:4000" }, [DrpcKeys.InvocationsPort] = "5000" });
        fromList.Servers.ShouldBe([new DrpcServerAddress("a", 5000), new DrpcServerAddress("b", 4000)]);
        var fromString = DrpcOptions.FromConfig(new Config { [DrpcKeys.Servers] = "[\"a\", b:4000]" });
        fromString.Servers.ShouldBe([new DrpcServerAddress("a", 3773), new DrpcServerAddress("b", 4000)]);
    }

    [Fact]
    public void Bad_values_name_their_key()
    {
        Should.Throw<FormatException>(() => DrpcOptions.FromConfig(new Config { [DrpcKeys.HttpPort] = "http" })).Message.ShouldContain(DrpcKeys.HttpPort);
        Should.Throw<FormatException>(() => DrpcOptions.FromConfig(new Config { [DrpcKeys.RequestTimeoutSecs] = "soon" })).Message.ShouldContain(DrpcKeys.RequestTimeoutSecs);
        Should.Throw<FormatException>(() => DrpcOptions.FromConfig(new Config { [DrpcKeys.Servers] = "a:b" })).Message.ShouldContain(DrpcKeys.Servers);
        DrpcOptions.FromConfig(new Config { [DrpcKeys.RequestTimeoutSecs] = "0" }).Validate().Single().ShouldContain(DrpcKeys.RequestTimeoutSecs);
    }

    [Fact]
    public void Unknown_drpc_keys_are_reported()
    {
        DrpcKeys.Unknown(["drpc.servers", "drpc.request.timeout.sec", "topology.workers"]).ShouldBe(["drpc.request.timeout.sec"]);
    }
}
