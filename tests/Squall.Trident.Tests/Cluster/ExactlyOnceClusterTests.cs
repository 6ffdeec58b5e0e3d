using System.Diagnostics;
using System.Globalization;
using Squall.Cluster.Tests.Infrastructure;
using Squall.State.Postgres;
using Squall.Testing.Servers;
using Squall.Trident.Tests.Local;
using TridentWordCount;
using Xunit.Abstractions;

namespace Squall.Trident.Tests.Cluster;

/// <summary>
/// TridentWordCount on a dev cluster with its counts (and the coordinator's progress) in PostgreSQL, its workers killed with
/// SIGKILL several times while it runs: the final counts are exact — not "at least" — in PostgreSQL.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("trident-cluster")]
public sealed class ExactlyOnceClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>Kills in the CI run; <c>SQUALL_TRIDENT_KILLS</c> and <c>SQUALL_TRIDENT_SENTENCES</c> make a longer run (README has its figures).</summary>
    private static int Kills => int.Parse(Environment.GetEnvironmentVariable("SQUALL_TRIDENT_KILLS") ?? "3", CultureInfo.InvariantCulture);

    private static int Sentences => int.Parse(Environment.GetEnvironmentVariable("SQUALL_TRIDENT_SENTENCES") ?? "1500", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("transactional")]
    [InlineData("opaque")]
    public async Task Killing_workers_leaves_the_counts_exact(string spout)
    {
        var sentences = Sentences;
        await using var postgres = await PostgresServer.StartNewAsync();
        await using var cluster = await TestCluster.StartAsync();
        var name = TridentHarness.Unique("trident-" + spout);
        var file = Path.Combine(cluster.Dir, name + ".txt");
        var lines = Enumerable.Range(0, sentences).Select(i => string.Create(CultureInfo.InvariantCulture, $"a{i % 7} b{i % 11} c{i % 13}")).ToList();
        // Half the sentences now, half while workers die: the spout's file grows as a log does.
        await File.WriteAllLinesAsync(file, lines[..(sentences / 2)]);
        var providerConfig = $$"""{"connectionString": "{{postgres.ConnectionString}}"}""";
        var conf = new Config { [Config.TopologyStateProviderConfig] = providerConfig };
        var stopwatch = Stopwatch.StartNew();
        var (code, submitted) = await cluster.CliAsync(
            "submit", typeof(TridentWordCountSource).Assembly.Location, "--name", name,
            "-c", "topology.workers=3",
            "-c", "topology.message.timeout.secs=10",
            "-c", "topology.max.spout.pending=3",
            "-c", $"{TridentWordCountSource.File}={file}",
            "-c", $"{TridentWordCountSource.Spout}={spout}",
            "-c", $"{TridentWordCountSource.StateName}={name}",
            "-c", $"{Config.TopologyStateProviderConfig}={providerConfig}");
        code.ShouldBe(0, submitted);

        var coordinator = new PostgresMapStoreFactory();
        long Committed() => TridentHarness.Committed(coordinator, name, conf);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 3 && Committed() > 5, Patience, cluster.Logs);
        for (var kill = 0; kill < Kills; kill++)
        {
            var committed = Committed();
            var (port, pid) = cluster.WorkerPids().OrderBy(p => p.Key).ElementAt(kill % 3);
            using (var victim = Process.GetProcessById(pid))
            {
                victim.Kill();
                await victim.WaitForExitAsync();
            }

            if (kill == 0)
            {
                await File.AppendAllLinesAsync(file, lines[(sentences / 2)..]);
            }

            await Wait.UntilAsync(() => cluster.WorkerPids().TryGetValue(port, out var next) && next != pid, Patience, cluster.Logs);
            await Wait.UntilAsync(() => Committed() > committed + 3, Patience, () => $"commits after kill {kill + 1}\n{cluster.Logs()}");
        }

        var state = TridentWordCountSource.Counts(name, opaque: spout == "opaque");
        await TridentHarness.ShouldCountExactly(state, coordinator, name, TridentHarness.ExpectedCounts(lines), conf);
        output.WriteLine($"{spout}: {sentences} sentences, {Kills} worker kills, {Committed()} batches committed, counts exact after {stopwatch.Elapsed.TotalSeconds:F0} s.");
        (await cluster.CliAsync("kill", name, "-w", "0")).ExitCode.ShouldBe(0);
    }
}
