using Squall.Cluster.Supervisor;

namespace Squall.Cluster.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class SlotTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SlotTimeouts Timeouts = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));
    private static readonly SlotAssignment A1 = new("t-1", 1, "hash");
    private static readonly SlotAssignment A2 = new("t-1", 2, "hash");

    [Fact]
    public void Empty_slot_with_an_assignment_and_no_package_fetches_it()
    {
        var next = Step(SlotState.Empty(T0), new SlotInputs(A1, PackageReady: false, ProcessAlive: false, null, T0));
        next.State.Kind.ShouldBe(SlotKind.WaitingForPackage);
        next.Actions.ShouldBe([new SlotAction.FetchPackage(A1)]);
    }

    [Fact]
    public void Empty_slot_with_the_package_launches_a_worker()
    {
        var next = Step(SlotState.Empty(T0), new SlotInputs(A1, true, false, null, T0));
        next.State.ShouldBe(new SlotState(SlotKind.Starting, A1, T0));
        next.Actions.ShouldBe([new SlotAction.LaunchWorker(A1)]);
    }

    [Fact]
    public void Waiting_slot_launches_once_the_package_is_ready()
    {
        var waiting = new SlotState(SlotKind.WaitingForPackage, A1, T0);
        Step(waiting, new SlotInputs(A1, false, false, null, T0.AddSeconds(1))).Actions.ShouldBe([new SlotAction.FetchPackage(A1)]);
        var next = Step(waiting, new SlotInputs(A1, true, false, null, T0.AddSeconds(2)));
        next.State.Kind.ShouldBe(SlotKind.Starting);
        next.Actions.ShouldBe([new SlotAction.LaunchWorker(A1)]);
    }

    [Fact]
    public void Waiting_slot_whose_assignment_disappears_becomes_empty()
    {
        var next = Step(new SlotState(SlotKind.WaitingForPackage, A1, T0), new SlotInputs(null, false, false, null, T0));
        next.State.Kind.ShouldBe(SlotKind.Empty);
        next.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void Starting_worker_becomes_running_on_its_first_heartbeat_of_the_right_epoch()
    {
        var starting = new SlotState(SlotKind.Starting, A1, T0);
        Step(starting, new SlotInputs(A1, true, true, new SlotHeartbeat("t-1", 0, T0.AddSeconds(1)), T0.AddSeconds(1))).State.Kind.ShouldBe(SlotKind.Starting);
        var next = Step(starting, new SlotInputs(A1, true, true, new SlotHeartbeat("t-1", 1, T0.AddSeconds(1)), T0.AddSeconds(1)));
        next.State.Kind.ShouldBe(SlotKind.Running);
        next.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void Starting_worker_that_never_heartbeats_is_killed_after_the_start_timeout()
    {
        var next = Step(new SlotState(SlotKind.Starting, A1, T0), new SlotInputs(A1, true, true, null, T0.AddSeconds(121)));
        next.State.Kind.ShouldBe(SlotKind.Killing);
        next.Actions.ShouldBe([new SlotAction.KillWorker(false)]);
    }

    [Fact]
    public void Running_worker_that_died_is_relaunched_at_once()
    {
        var next = Step(new SlotState(SlotKind.Running, A1, T0), new SlotInputs(A1, true, ProcessAlive: false, null, T0.AddSeconds(3)));
        next.State.ShouldBe(new SlotState(SlotKind.Starting, A1, T0.AddSeconds(3), Restarts: 1));
        next.Actions.ShouldBe([new SlotAction.LaunchWorker(A1)]);
    }

    [Fact]
    public void Running_worker_silent_longer_than_the_worker_timeout_is_killed()
    {
        var running = new SlotState(SlotKind.Running, A1, T0);
        var beat = new SlotHeartbeat("t-1", 1, T0.AddSeconds(10));
        Step(running, new SlotInputs(A1, true, true, beat, T0.AddSeconds(39))).Actions.ShouldBeEmpty();
        Step(running, new SlotInputs(A1, true, true, beat, T0.AddSeconds(41))).State.Kind.ShouldBe(SlotKind.Killing);
    }

    [Fact]
    public void Running_worker_whose_epoch_changed_is_killed_then_the_new_epoch_launches()
    {
        var killing = Step(new SlotState(SlotKind.Running, A1, T0), new SlotInputs(A2, true, true, null, T0.AddSeconds(1)));
        killing.State.Kind.ShouldBe(SlotKind.Killing);
        killing.Actions.ShouldBe([new SlotAction.KillWorker(false)]);

        var next = Step(killing.State, new SlotInputs(A2, true, ProcessAlive: false, null, T0.AddSeconds(2)));
        next.State.ShouldBe(new SlotState(SlotKind.Starting, A2, T0.AddSeconds(2)));
        next.Actions.ShouldBe([new SlotAction.ClearSlot(), new SlotAction.LaunchWorker(A2)]);
    }

    [Fact]
    public void Killing_a_worker_that_ignores_the_request_escalates_to_sigkill_once()
    {
        var killing = new SlotState(SlotKind.Killing, A1, T0);
        Step(killing, new SlotInputs(null, false, true, null, T0.AddSeconds(4))).Actions.ShouldBeEmpty();
        var forced = Step(killing, new SlotInputs(null, false, true, null, T0.AddSeconds(6)));
        forced.Actions.ShouldBe([new SlotAction.KillWorker(true)]);
        Step(forced.State, new SlotInputs(null, false, true, null, T0.AddSeconds(7))).Actions.ShouldBeEmpty();
    }

    [Fact]
    public void Unassigned_slot_with_a_stray_worker_kills_it()
    {
        var next = Step(SlotState.Empty(T0), new SlotInputs(null, false, ProcessAlive: true, null, T0));
        next.State.Kind.ShouldBe(SlotKind.Killing);
        next.Actions.ShouldBe([new SlotAction.KillWorker(false)]);
    }

    private static SlotTransition Step(SlotState state, SlotInputs inputs) => Slot.Step(state, inputs, Timeouts);
}
