namespace Squall.ZooKeeper.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ConnectionStringTests
{
    [Fact]
    public void Parses_servers_default_port_and_chroot()
    {
        var parsed = ConnectionString.Parse("zk1:2182, zk2 ,[::1]:2183/apps/squall/");

        parsed.Servers.ShouldBe([("zk1", 2182), ("zk2", 2181), ("::1", 2183)]);
        parsed.Chroot.ShouldBe("/apps/squall");
    }

    [Theory]
    [InlineData("/", "/apps")]
    [InlineData("/a", "/apps/a")]
    public void Chroot_prefixes_server_paths_and_is_stripped_from_replies(string client, string server)
    {
        var parsed = ConnectionString.Parse("h:1/apps");

        parsed.ToServerPath(client).ShouldBe(server);
        parsed.ToClientPath(server).ShouldBe(client);
    }

    [Fact]
    public void A_lone_slash_is_no_chroot()
    {
        var parsed = ConnectionString.Parse("h:1/");

        parsed.Chroot.ShouldBeNull();
        parsed.ToServerPath("/a").ShouldBe("/a");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/chroot-only")]
    [InlineData("h:notaport")]
    [InlineData("h:70000")]
    [InlineData("h:1/bad//chroot")]
    public void Rejects_malformed_strings(string value)
    {
        Should.Throw<ArgumentException>(() => ConnectionString.Parse(value));
    }
}
