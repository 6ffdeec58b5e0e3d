using System.Diagnostics;
using Npgsql;
using Squall.Cluster.Tests.Infrastructure;
using Squall.Cluster.TestTopology;
using Squall.Runtime.State;
using Squall.Testing.Servers;
using Xunit.Abstractions;

namespace Squall.Cluster.Tests.Cluster;

/// <summary>
/// A stateful word count on PostgreSQL, its workers killed with SIGKILL several times while it runs: every sentence ends up
/// counted (no loss), and the committed counts exceed the truth by at most Storm's at-least-once bound.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class StatefulRecoveryTests(ITestOutputHelper output)
{
    private const int Sentences = 3000;
    private const int MaxSpoutPending = 200;
    private const int Kills = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Killing_workers_loses_no_sentence_and_duplicates_stay_within_the_at_least_once_bound()
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        await using var cluster = await TestCluster.StartAsync();
        var run = new WordCountRun(cluster.Dir, Sentences);
        string[] args =
        [
            .. run.SubmitArgs("stateful-words", workers: 3, rate: 150),
            "-c", $"{CountingWordsTopology.Stateful}=true",
            "-c", "topology.state.provider=postgres",
            "-c", $$"""topology.state.provider.config={"connectionString": "{{postgres.ConnectionString}}"}""",
            "-c", "topology.state.checkpoint.interval.ms=500",
        ];
        (await cluster.CliAsync(args)).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 3 && run.AckedCount > 200, Patience, cluster.Logs);

        for (var kill = 0; kill < Kills; kill++)
        {
            // Acks wait for the commit of the state they fed: progress in acks is progress in committed state.
            var acked = run.AckedCount;
            var (port, pid) = cluster.WorkerPids().OrderBy(p => p.Key).ElementAt(kill % 3);
            using (var victim = Process.GetProcessById(pid))
            {
                victim.Kill();
                await victim.WaitForExitAsync();
            }

            await Wait.UntilAsync(() => cluster.WorkerPids().TryGetValue(port, out var next) && next != pid, Patience, cluster.Logs);
            await Wait.UntilAsync(() => run.AckedCount > acked + 100 || run.AllAcked, Patience, () => $"progress after kill {kill + 1}: {run.Describe()}\n{cluster.Logs()}");
        }

        await Wait.UntilAsync(() => run.AllAcked, Patience, () => run.Describe() + "\n" + cluster.Logs());
        (await cluster.CliAsync("kill", "stateful-words", "-w", "0")).ExitCode.ShouldBe(0);

        var committed = await CommittedCountsAsync(postgres);
        var expected = run.ExpectedCounts();
        foreach (var (word, count) in expected)
        {
            committed.GetValueOrDefault(word).ShouldBeGreaterThanOrEqualTo(count, $"'{word}' lost counts");
        }

        // At-least-once: a sentence is counted again only if its state was committed but its ack was lost with a worker.
        // Each kill can lose at most the acks in flight: max.spout.pending sentences of 3 words each.
        var duplicates = committed.Values.Sum() - expected.Values.Sum();
        output.WriteLine($"{Kills} worker kills: {expected.Values.Sum()} words, {duplicates} counted twice (bound {Kills * MaxSpoutPending * 3}).");
        duplicates.ShouldBeInRange(0, Kills * MaxSpoutPending * 3);
    }

    private static async Task<Dictionary<string, long>> CommittedCountsAsync(PostgresServer postgres)
    {
        var serializer = new StateSerializer(new Config());
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT key, value FROM squall_state WHERE namespace LIKE 'count-%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var word = (string)serializer.Deserialize((byte[])reader[0])!;
            counts[word] = counts.GetValueOrDefault(word) + Convert.ToInt64(serializer.Deserialize((byte[])reader[1]), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
