using Squall.Drpc.Invocations;

namespace Squall.Drpc.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ReturnInfoTests
{
    [Fact]
    public void Return_info_round_trips_as_Storms_json_shape()
    {
        var info = new ReturnInfo("ab12-7", "10.0.0.5", 3773);
        info.Format().ShouldBe("{\"id\":\"ab12-7\",\"host\":\"10.0.0.5\",\"port\":3773}");
        ReturnInfo.Parse(info.Format()).ShouldBe(info);
        info.IsLocal.ShouldBeFalse();
        new ReturnInfo("1", "local-drpc-3", 0).IsLocal.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("null")]
    public void Bad_return_info_is_a_format_error(string? text) =>
        Should.Throw<FormatException>(() => ReturnInfo.Parse(text));

    [Theory]
    [InlineData("drpc1", 3773, "drpc1", 3773)]
    [InlineData("drpc1:4000", 3773, "drpc1", 4000)]
    [InlineData("127.0.0.1:1", 3773, "127.0.0.1", 1)]
    public void Server_entries_are_host_or_host_port(string entry, int defaultPort, string host, int port) =>
        DrpcServerAddress.Parse(entry, defaultPort).ShouldBe(new DrpcServerAddress(host, port));

    [Theory]
    [InlineData("")]
    [InlineData(":4000")]
    [InlineData("host:0")]
    [InlineData("host:99999")]
    public void Bad_server_entries_name_the_key(string entry) =>
        Should.Throw<FormatException>(() => DrpcServerAddress.Parse(entry, 3773)).Message.ShouldContain(DrpcKeys.Servers);

    [Fact]
    public void Results_become_text_invariantly()
    {
        ReturnResults.ToText(null).ShouldBe(string.Empty);
        ReturnResults.ToText("x").ShouldBe("x");
        ReturnResults.ToText(16L).ShouldBe("16");
        ReturnResults.ToText(1.5).ShouldBe("1.5");
    }
}
