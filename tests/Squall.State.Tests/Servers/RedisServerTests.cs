using Squall.Testing.Servers;
using StackExchange.Redis;

namespace Squall.State.Tests.Servers;

[Trait("Category", "Integration")]
public sealed class RedisServerTests
{
    [Fact]
    public async Task A_started_server_stores_and_returns_values()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        await db.StringSetAsync("k", "v");
        (await db.StringGetAsync("k")).ToString().ShouldBe("v");
    }

    [Fact]
    public async Task With_an_append_only_file_a_killed_server_comes_back_with_its_data()
    {
        await using var server = await RedisServer.StartNewAsync(appendOnly: true);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            await redis.GetDatabase().StringSetAsync("k", "kept");
            // appendfsync everysec: a write reaches the OS at once; the kill below only loses what the OS never got.
        }

        await server.KillAsync();
        await server.StartAsync();
        await using var again = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        (await again.GetDatabase().StringGetAsync("k")).ToString().ShouldBe("kept");
    }

    [Fact]
    public async Task A_server_with_a_password_refuses_commands_without_it()
    {
        await using var server = await RedisServer.StartNewAsync(password: "s3cret-" + Guid.NewGuid().ToString("N"));
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            await redis.GetDatabase().StringSetAsync("k", "v");
        }

        var options = ConfigurationOptions.Parse($"127.0.0.1:{server.Port}");
        options.AbortOnConnectFail = false;
        await using var anonymous = await ConnectionMultiplexer.ConnectAsync(options);
        await Should.ThrowAsync<RedisException>(() => anonymous.GetDatabase().StringGetAsync("k"));
    }
}
