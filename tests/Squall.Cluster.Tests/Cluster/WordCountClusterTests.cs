using Squall.Cluster.Tests.Infrastructure;

namespace Squall.Cluster.Tests.Cluster;

/// <summary>Submit, count, rebalance and kill on a real cluster: ZooKeeper, a Nimbus, 2 supervisors × 2 slots.</summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class WordCountClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WordCount_with_acking_on_two_supervisors_counts_exactly_and_kill_removes_everything()
    {
        await using var cluster = await TestCluster.StartAsync();
        var run = new WordCountRun(cluster.Dir, sentences: 3000);
        var (exit, output) = await cluster.CliAsync(run.SubmitArgs("words", workers: 4, rate: 0));
        exit.ShouldBe(0, output);

        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 4, Patience, cluster.Logs);
        await Wait.UntilAsync(() => run.AllAcked && run.CountsAreExact(), Patience, () => run.Describe() + "\n" + cluster.Logs());

        var list = await cluster.CliAsync("list");
        list.Output.ShouldContain("words");
        var info = await cluster.CliAsync("info", "words");
        info.ExitCode.ShouldBe(0, info.Output);
        info.Output.ShouldContain("count");

        (await cluster.CliAsync("kill", "words", "-w", "0")).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 0, Patience, cluster.Logs);
        await Wait.UntilAsync(async () => (await cluster.ZooKeeperChildrenAsync("/topologies")).Count == 0 && (await cluster.ZooKeeperChildrenAsync("/assignments")).Count == 0, Patience, cluster.Logs);
        (await cluster.ZooKeeperChildrenAsync("/packages")).ShouldBeEmpty();
        Directory.EnumerateFiles(Path.Combine(cluster.Dir, "nimbus-0", "nimbus", "packages")).ShouldBeEmpty();
        await Wait.UntilAsync(
            () => Enumerable.Range(0, 2).All(i => !Directory.Exists(Path.Combine(cluster.SupervisorDir(i), "supervisor", "packages")) || !Directory.EnumerateDirectories(Path.Combine(cluster.SupervisorDir(i), "supervisor", "packages")).Any()),
            Patience,
            cluster.Logs);
        (await cluster.CliAsync("list")).Output.ShouldContain("No topologies");
    }

    [Fact]
    public async Task Rebalance_to_another_worker_count_keeps_counting_correctly()
    {
        await using var cluster = await TestCluster.StartAsync();
        var run = new WordCountRun(cluster.Dir, sentences: 4000);
        (await cluster.CliAsync(run.SubmitArgs("words", workers: 2, rate: 500))).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 2 && run.AckedCount > 200, Patience, cluster.Logs);

        // Drain first: a tuple in flight while its workers move would be replayed and counted twice (Storm's
        // at-least-once), and how long draining takes on a loaded machine is not what this test is about.
        (await cluster.CliAsync("deactivate", "words")).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => run.IsIdle, Patience, () => run.Describe() + "\n" + cluster.Logs());
        var rebalance = await cluster.CliAsync("rebalance", "words", "-w", "0", "-n", "3");
        rebalance.ExitCode.ShouldBe(0, rebalance.Output);

        await Wait.UntilAsync(async () => (await cluster.CliAsync("info", "words")).Output.Contains("worker 2:", StringComparison.Ordinal), Patience, cluster.Logs);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 3, Patience, cluster.Logs);
        // As in Storm, a rebalance returns the topology to the status it had: it was deactivated.
        (await cluster.CliAsync("activate", "words")).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => run.AllAcked, Patience, () => run.Describe() + "\n" + cluster.Logs());
        // Nothing was in flight when the workers moved, so every sentence was counted exactly once.
        await Wait.UntilAsync(run.CountsAreExact, Patience, () => run.Describe() + "\n" + cluster.Logs());
    }
}
