using Squall.Cluster.Tests.Cluster;
using Squall.Cluster.Tests.Infrastructure;
using Squall.Cluster.TestTopology;
using Xunit.Abstractions;

namespace Squall.Cluster.Tests.Chaos;

/// <summary>
/// The chaos lane: a reliable word count on a real cluster (two Nimbus, three supervisors) while workers, the
/// supervisor running the spout and the leader Nimbus are killed with SIGKILL on a schedule. Every sentence id
/// must end up acked (none lost); replays and repeated acks are reported, since at-least-once allows them.
/// CI runs a short schedule; <c>tools/chaos</c> runs a long one with the same test (settings by environment:
/// <c>SQUALL_CHAOS_SECONDS</c>, <c>SQUALL_CHAOS_SENTENCES</c>, <c>SQUALL_CHAOS_RATE</c>, <c>SQUALL_CHAOS_INTERVAL</c>).
/// </summary>
[Trait("Category", "Chaos")]
[Collection("cluster")]
public sealed class ChaosTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Killing_workers_a_supervisor_and_the_leader_nimbus_on_a_schedule_loses_no_message()
    {
        var settings = ChaosSettings.FromEnvironment();
        await using var cluster = await TestCluster.StartAsync(nimbuses: 2, supervisors: 3, slotsPerSupervisor: 2);
        var run = new WordCountRun(cluster.Dir, settings.Sentences);
        (await cluster.CliAsync(run.SubmitArgs("chaos", workers: 3, rate: settings.Rate))).ExitCode.ShouldBe(0);
        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 3 && run.AckedCount > 0, Patience, cluster.Logs);

        var events = await new ChaosSchedule(cluster, run.Output, settings, output.WriteLine).RunAsync();

        // The schedule's wall clock only decides when to strike; the outcome is judged after the cluster converged.
        await Wait.UntilAsync(() => run.AllAcked, Patience, () => run.Describe() + "\n" + cluster.Logs());
        var acks = FileAckedSpout.Acks(run.Output);
        var emits = FileAckedSpout.Emits(run.Output);
        var report = new ChaosReport(
            Ids: settings.Sentences,
            Acked: run.AckedCount,
            RepeatedAcks: acks.Count - acks.Distinct().Count(),
            Replays: emits.Count - emits.Distinct().Count(),
            Events: events);
        output.WriteLine(report.ToString());
        report.Lost.ShouldBe(0, report.ToString());
    }
}
