using Squall.Cluster.Nimbus;
using Squall.Cluster.State;

namespace Squall.Cluster.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class SchedulerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SupervisorInfo S1 = new("s1", "h1", [6700, 6701], T0);
    private static readonly SupervisorInfo S2 = new("s2", "h2", [6700, 6701], T0);

    [Fact]
    public void New_topology_is_spread_over_supervisors()
    {
        var result = Scheduler.Schedule(Snapshot([Topology("t", workers: 2)], [], [S1, S2]));
        var assignment = result.ShouldHaveSingleItem();
        assignment.Epoch.ShouldBe(1);
        assignment.Active.ShouldBeTrue();
        assignment.Slots.Select(s => s.SupervisorId).ShouldBe(["s1", "s2"], ignoreOrder: true);
    }

    [Fact]
    public void Unchanged_assignment_is_not_rewritten()
    {
        var first = Scheduler.Schedule(Snapshot([Topology("t", 2)], [], [S1, S2])).Single();
        Scheduler.Schedule(Snapshot([Topology("t", 2)], [first], [S1, S2])).ShouldBeEmpty();
    }

    [Fact]
    public void Deactivation_keeps_the_epoch()
    {
        var first = Scheduler.Schedule(Snapshot([Topology("t", 2)], [], [S1, S2])).Single();
        var next = Scheduler.Schedule(Snapshot([Topology("t", 2) with { Status = TopologyStatus.Inactive }], [first], [S1, S2])).Single();
        next.ShouldBe(first with { Active = false });
    }

    [Fact]
    public void Debug_keeps_the_epoch_and_an_equal_copy_changes_nothing()
    {
        var first = Scheduler.Schedule(Snapshot([Topology("t", 2)], [], [S1, S2])).Single();
        var debug = Runtime.EventLogging.DebugOptions.Off.With("split", new Runtime.EventLogging.SamplingSetting(true, 25));
        var next = Scheduler.Schedule(Snapshot([Topology("t", 2) with { Debug = debug }], [first], [S1, S2])).Single();
        (next.Epoch, next.Debug).ShouldBe((first.Epoch, debug));

        // As read back from ZooKeeper: a new but equal instance is no change.
        var copy = Squall.Cluster.State.ClusterJson.Deserialize<Squall.Cluster.State.Assignment>(Squall.Cluster.State.ClusterJson.Serialize(next));
        Scheduler.Schedule(Snapshot([Topology("t", 2) with { Debug = debug }], [copy], [S1, S2])).ShouldBeEmpty();
    }

    [Fact]
    public void Dead_supervisor_loses_only_its_slots_and_the_epoch_advances()
    {
        var first = Scheduler.Schedule(Snapshot([Topology("t", 2)], [], [S1, S2])).Single();
        var onS1 = first.Slots.Single(s => s.SupervisorId == "s1");
        var next = Scheduler.Schedule(Snapshot([Topology("t", 2)], [first], [S1])).Single();
        next.Epoch.ShouldBe(2);
        next.Slots.ShouldContain(onS1);
        next.Slots.ShouldAllBe(s => s.SupervisorId == "s1");
        next.Slots.Count.ShouldBe(2);
    }

    [Fact]
    public void A_lost_slot_is_replaced_at_its_index_and_only_that_worker_gets_the_new_epoch()
    {
        var first = Scheduler.Schedule(Snapshot([Topology("t", 2)], [], [S1, S2])).Single();
        var lost = first.Slots.FindIndex(s => s.SupervisorId == "s2");
        var kept = 1 - lost;

        var next = Scheduler.Schedule(Snapshot([Topology("t", 2)], [first], [S1])).Single();

        next.Slots[kept].ShouldBe(first.Slots[kept], "the surviving worker keeps its index, so its executors");
        next.EpochOf(kept).ShouldBe(first.EpochOf(kept), "and its epoch: it is not restarted");
        next.Slots[lost].SupervisorId.ShouldBe("s1");
        next.EpochOf(lost).ShouldBe(next.Epoch);
        next.Epoch.ShouldBe(2);
    }

    [Fact]
    public void A_config_change_gives_every_worker_the_new_epoch()
    {
        var first = Scheduler.Schedule(Snapshot([Topology("t", 2)], [], [S1, S2])).Single();
        var changed = Topology("t", 2) with { Conf = new(Topology("t", 2).Conf) { ["topology.debug"] = "true" } };

        var next = Scheduler.Schedule(Snapshot([changed], [first], [S1, S2])).Single();

        next.Slots.ShouldBe(first.Slots);
        next.WorkerEpochs.ShouldBe([2L, 2L]);
    }

    [Fact]
    public void Topologies_never_share_a_slot_and_wait_when_the_cluster_is_full()
    {
        var result = Scheduler.Schedule(Snapshot([Topology("a", 3), Topology("b", 2, submittedSecs: 1), Topology("c", 1, submittedSecs: 2)], [], [S1, S2]));
        result.Select(a => a.TopologyId).ShouldBe(["a", "b"]);
        result.SelectMany(a => a.Slots).Distinct().Count().ShouldBe(4);
        result.Single(a => a.TopologyId == "b").Slots.Count.ShouldBe(1);
    }

    [Fact]
    public void Rebalance_that_is_due_changes_the_config_and_the_worker_count()
    {
        var first = Scheduler.Schedule(Snapshot([Topology("t", 2)], [], [S1, S2])).Single();
        var rebalancing = Topology("t", 2) with
        {
            Status = TopologyStatus.Rebalancing,
            DueAt = T0,
            RebalanceWorkers = 3,
            RebalanceExecutors = new() { ["split"] = 4 },
        };
        var changes = Reconciler.Plan(Snapshot([rebalancing], [first], [S1, S2]));
        var topology = changes.OfType<ClusterChange.PutTopology>().Single().Topology;
        topology.Status.ShouldBe(TopologyStatus.Active);
        topology.Conf[Config.TopologyWorkers].ShouldBe("3");
        topology.Conf[Config.ComponentExecutorsKey("split")].ShouldBe("4");
        var assignment = changes.OfType<ClusterChange.PutAssignment>().Single().Assignment;
        assignment.Epoch.ShouldBe(2);
        assignment.Slots.Count.ShouldBe(3);
        assignment.Slots.Take(2).ShouldBe(first.Slots);
    }

    [Fact]
    public void Kill_deactivates_first_and_removes_everything_when_due()
    {
        var first = Scheduler.Schedule(Snapshot([Topology("t", 1)], [], [S1])).Single();
        var killed = Topology("t", 1) with { Status = TopologyStatus.Killed, DueAt = T0.AddSeconds(5) };
        Reconciler.Plan(Snapshot([killed], [first], [S1])).ShouldBe([new ClusterChange.PutAssignment(first with { Active = false })]);
        Reconciler.Plan(Snapshot([killed], [first], [S1]) with { Now = T0.AddSeconds(5) }).ShouldBe([new ClusterChange.RemoveTopology("t")]);
    }

    [Fact]
    public void Assignment_without_a_topology_is_removed()
    {
        var orphan = Scheduler.Schedule(Snapshot([Topology("t", 1)], [], [S1])).Single();
        Reconciler.Plan(Snapshot([], [orphan], [S1])).ShouldBe([new ClusterChange.RemoveTopology("t")]);
    }

    private static ClusterSnapshot Snapshot(IReadOnlyList<TopologyRecord> topologies, IReadOnlyList<Assignment> assignments, IReadOnlyList<SupervisorInfo> live) =>
        new(topologies, assignments.ToDictionary(a => a.TopologyId), live, T0);

    private static TopologyRecord Topology(string id, int workers, int submittedSecs = 0) => new()
    {
        Id = id,
        Name = id,
        PackageHash = "hash",
        PackageSize = 1,
        SourceType = "Source",
        Conf = new() { [Config.TopologyWorkers] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Status = TopologyStatus.Active,
        Secret = "c2VjcmV0",
        SubmittedAt = T0.AddSeconds(submittedSecs),
    };
}
