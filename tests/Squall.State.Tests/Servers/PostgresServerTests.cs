using Npgsql;
using Squall.Testing.Servers;

namespace Squall.State.Tests.Servers;

[Trait("Category", "Integration")]
public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_started_server_runs_queries_on_loopback_and_keeps_committed_rows_across_a_kill()
    {
        await using var server = await PostgresServer.StartNewAsync();
        server.ProcessId.ShouldNotBeNull();
        await Execute(server, "CREATE TABLE t (k int PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'one')");

        await server.KillAsync();
        server.IsRunning.ShouldBeFalse();
        await server.StartAsync(); // same port, same files: crash recovery
        NpgsqlConnection.ClearAllPools(); // the pooled connection died with the server

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT v FROM t WHERE k = 1", connection);
        (await command.ExecuteScalarAsync()).ShouldBe("one");
    }

    [Fact]
    public async Task A_server_with_a_password_rejects_a_client_without_it()
    {
        await using var server = await PostgresServer.StartNewAsync(user: "owner", password: "s3cret-" + Guid.NewGuid().ToString("N"));
        await Execute(server, "SELECT 1");

        var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "wrong" }.ConnectionString;
        await using var connection = new NpgsqlConnection(wrong);
        await Should.ThrowAsync<PostgresException>(() => connection.OpenAsync());
    }

    [Fact]
    public async Task Stop_shuts_the_server_down_and_frees_its_port()
    {
        var server = await PostgresServer.StartNewAsync();
        var port = server.Port;
        await server.StopAsync();
        server.IsRunning.ShouldBeFalse();
        await server.DisposeAsync();
        Directory.Exists(server.DirectoryPath).ShouldBeFalse();

        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=squall;Timeout=5");
        await Should.ThrowAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    private static async Task Execute(PostgresServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
