using Npgsql;
using Squall.Connectors.Postgres;
using Squall.Runtime;
using Squall.Testing.Servers;

namespace Squall.Connectors.Tests.Postgres;

/// <summary>The PostgreSQL bolt (batched upserts, ack after commit) and lookup bolt against a real server.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresBoltTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Batched_upserts_commit_before_the_acks_and_add_up_per_key()
    {
        await using var server = await PostgresServer.StartNewAsync();
        await using (var setup = new NpgsqlConnection(server.ConnectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE word_counts (word text PRIMARY KEY, count bigint NOT NULL)", setup);
            await create.ExecuteNonQueryAsync();
        }

        var words = Enumerable.Range(0, 250).Select(i => new Values($"w{i % 7}", 1L)).ToList();
        var log = new SpoutLog();
        var options = new PostgresBoltOptions
        {
            ConnectionString = server.ConnectionString,
            Table = "word_counts",
            Columns = ["word", "count"],
            ConflictColumns = ["word"],
            UpdateExpressions = new Dictionary<string, string> { ["count"] = "word_counts.count + EXCLUDED.count" },
            BatchSize = 40,
        };
        var builder = new TopologyBuilder();
        builder.SetSpout("words", () => new Squall.Testing.FixedSpout(words, new Fields("word", "count"), log));
        builder.SetBolt("store", () => new PostgresBolt(options), 2).FieldsGrouping("words", new Fields("word"));
        using (var cluster = new LocalCluster())
        {
            cluster.SubmitTopology("pg", new Config(), builder.CreateTopology());
            Wait.Until(() => log.AckCount == 250, $"250 acks (have {log.AckCount})", Patience);
            log.Fails.ShouldBeEmpty();
            await cluster.KillTopologyAsync("pg", 0);
        }

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT word, count FROM word_counts ORDER BY word", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        counts.ShouldBe(Enumerable.Range(0, 7).ToDictionary(i => $"w{i}", i => (long)Enumerable.Range(0, 250).Count(n => n % 7 == i)));
    }

    [Fact]
    public async Task The_lookup_bolt_enriches_tuples_from_a_table()
    {
        await using var server = await PostgresServer.StartNewAsync();
        await using (var setup = new NpgsqlConnection(server.ConnectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE users (id int PRIMARY KEY, name text); INSERT INTO users VALUES (1, 'ada'), (2, 'grace')", setup);
            await create.ExecuteNonQueryAsync();
        }

        var sink = new CaptureSink();
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("events", () => new Squall.Testing.FixedSpout([new Values(1, "login"), new Values(2, "logout"), new Values(3, "login")], new Fields("user", "action"), log));
        builder.SetBolt("lookup", () => new PostgresLookupBolt(server.ConnectionString, "SELECT name FROM users WHERE id = $1", ["user"], ["user", "action"], ["name"], emitOnMiss: true))
            .ShuffleGrouping("events");
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("lookup");
        using var cluster = new LocalCluster();
        cluster.SubmitTopology("lookup", new Config(), builder.CreateTopology());
        Wait.Until(() => log.AckCount == 3, "3 acks", Patience);
        await cluster.KillTopologyAsync("lookup", 0);

        sink.All.Select(r => $"{r.Values[0]} {r.Values[1]} {r.Values[2] ?? "?"}").Order(StringComparer.Ordinal).ShouldBe(["1 login ada", "2 logout grace", "3 login ?"]);
    }
}
