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
    public async Task Supervisor_killed_with_sigkill_has_only_its_workers_moved_and_no_message_is_lost()
    {
        await using var cluster = await TestCluster.StartAsync();
        // Slow enough (about 20 s) that the slot moves while sentences are still flowing through both workers.
        var run = new WordCountRun(cluster.Dir, sentences: 3000);
        (await cluster.CliAsync(run.SubmitArgs("words", workers: 2, rate: 150))).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids(0).Count == 1 && cluster.WorkerPids(1).Count == 1 && run.AckedCount > 200, Patience, cluster.Logs);

        var orphan = cluster.WorkerPids(0).Single().Value;
        var (survivorPort, survivorPid) = cluster.WorkerPids(1).Single();
        await cluster.Supervisors[0].KillAsync();

        // After nimbus.supervisor.timeout.secs its slot moves to supervisor 1 with a new epoch for that worker only;
        // the orphan sees its slot's epoch change and stops itself, and the survivor links to the moved worker.
        await Wait.UntilAsync(() => cluster.WorkerPids(1).Count == 2, Patience, cluster.Logs);
        await Wait.UntilAsync(() => !IsAlive(orphan), Patience, () => "the orphaned worker fences itself\n" + cluster.Logs());
        await Wait.UntilAsync(() => run.AllAcked, Patience, () => run.Describe() + "\n" + cluster.Logs());
        cluster.WorkerPids(1).GetValueOrDefault(survivorPort).ShouldBe(survivorPid, "the worker that did not move keeps running");
        WorkerLog(cluster, 1, survivorPort).ShouldContain("peers moved", Case.Sensitive, "the survivor followed the moved worker");
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

    [Fact]
    public async Task Workers_of_a_supervisor_killed_with_sigkill_stop_themselves_when_nothing_can_replace_them()
    {
        // One supervisor: its loss leaves the assignment as it is, so only the worker's own check can stop it.
        await using var cluster = await TestCluster.StartAsync(supervisors: 1, slotsPerSupervisor: 1);
        var run = new WordCountRun(cluster.Dir, sentences: 100_000);
        (await cluster.CliAsync(run.SubmitArgs("words", workers: 1, rate: 50))).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 1 && run.AckedCount > 0, Patience, cluster.Logs);
        var orphan = cluster.WorkerPids().Single().Value;

        await cluster.Supervisors[0].KillAsync();

        // (Its last words went to the dead supervisor's pipe, so only its exit is observable.)
        await Wait.UntilAsync(() => !IsAlive(orphan), Patience, () => "the orphaned worker stops after worker.orphan.timeout.secs\n" + cluster.Logs());
    }

    private static string WorkerLog(TestCluster cluster, int supervisor, int port)
    {
        var path = new Supervisor.SlotFiles(Path.Combine(cluster.SupervisorDir(supervisor), "supervisor"), port).LogPath;
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
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
