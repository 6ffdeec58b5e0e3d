using System.Diagnostics;
using Squall.Cluster.Tests.Infrastructure;

namespace Squall.Cluster.Tests.Cluster;

/// <summary>kill -9 of a worker, of a supervisor, of the leader Nimbus.</summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class FailureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Worker_killed_with_sigkill_is_restarted_in_place_and_every_message_is_acked()
    {
        await using var cluster = await TestCluster.StartAsync();
        var run = new WordCountRun(cluster.Dir, sentences: 3000);
        (await cluster.CliAsync(run.SubmitArgs("words", workers: 4, rate: 400))).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 4 && run.AckedCount > 300, Patience, cluster.Logs);

        var (port, pid) = cluster.WorkerPids().First();
        using (var victim = Process.GetProcessById(pid))
        {
            victim.Kill();
            await victim.WaitForExitAsync();
        }

        // The supervisor restarts a dead worker in place (same port); the limit only bounds a hang.
        await Wait.UntilAsync(() => cluster.WorkerPids().TryGetValue(port, out var next) && next != pid, Patience, cluster.Logs);

        await Wait.UntilAsync(() => run.AllAcked, Patience, () => run.Describe() + "\n" + cluster.Logs());
    }

    [Fact]
    public async Task Supervisor_killed_with_sigkill_has_its_workers_reassigned_and_the_topology_completes()
    {
        await using var cluster = await TestCluster.StartAsync();
        var run = new WordCountRun(cluster.Dir, sentences: 3000);
        (await cluster.CliAsync(run.SubmitArgs("words", workers: 2, rate: 300))).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids(0).Count == 1 && cluster.WorkerPids(1).Count == 1 && run.AckedCount > 200, Patience, cluster.Logs);

        var orphan = cluster.WorkerPids(0).Single().Value;
        await cluster.Supervisors[0].KillAsync();

        // After nimbus.supervisor.timeout.secs its slot moves to supervisor 1; the orphan sees the new epoch and stops itself.
        await Wait.UntilAsync(() => cluster.WorkerPids(1).Count == 2, Patience, cluster.Logs);
        await Wait.UntilAsync(() => !IsAlive(orphan), Patience, () => "the orphaned worker fences itself\n" + cluster.Logs());
        await Wait.UntilAsync(() => run.AllAcked, Patience, () => run.Describe() + "\n" + cluster.Logs());
    }

    [Fact]
    public async Task Nimbus_leader_killed_with_sigkill_fails_over_with_the_packages_and_topologies_keep_running()
    {
        await using var cluster = await TestCluster.StartAsync(nimbuses: 2);
        var run = new WordCountRun(cluster.Dir, sentences: 3000);
        (await cluster.CliAsync(run.SubmitArgs("words", workers: 2, rate: 300))).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 2, Patience, cluster.Logs);
        await Wait.UntilAsync(() => File.Exists(Path.Combine(cluster.Dir, "nimbus-1", "nimbus", "packages", $"{TopologyId(cluster)}.zip")), Patience, () => "the follower replicates the package\n" + cluster.Logs());

        var workers = cluster.WorkerPids();
        await cluster.Nimbuses[0].KillAsync();
        var acked = run.AckedCount;
        await Wait.UntilAsync(() => run.AckedCount > acked, Patience, () => "the topology keeps running without its leader\n" + cluster.Logs());

        await Wait.UntilAsync(async () => (await cluster.CliAsync("list")).Output.Contains("words", StringComparison.Ordinal), Patience, cluster.Logs);
        cluster.WorkerPids().ShouldBe(workers, "a failover restarts no worker");

        // The new leader serves writes, and the package to a worker restarted on a supervisor that lost it.
        (await cluster.CliAsync("deactivate", "words")).ExitCode.ShouldBe(0);
        (await cluster.CliAsync("activate", "words")).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => run.AllAcked, Patience, () => run.Describe() + "\n" + cluster.Logs());
    }

    private static string TopologyId(TestCluster cluster) =>
        cluster.ZooKeeperChildrenAsync("/topologies").GetAwaiter().GetResult().Single();

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
