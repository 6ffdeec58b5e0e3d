using Squall.Runtime.State.Checkpointing;

namespace Squall.State.Tests.Checkpointing;

[Trait("Category", "Unit")]
public sealed class CheckpointCoordinatorTests
{
    [Fact]
    public void A_fresh_topology_initialises_then_prepares_and_commits_every_interval()
    {
        var coordinator = new CheckpointCoordinator(TxState.Initial, intervalMs: 1000);
        coordinator.Next(0, out _).ShouldBe((-1L, CheckpointAction.InitState));
        coordinator.Next(0, out _).ShouldBeNull(); // one in flight
        coordinator.OnAck(-1).ShouldBeFalse();
        coordinator.Recovering.ShouldBeFalse();

        coordinator.Next(10, out var changed).ShouldBe((0L, CheckpointAction.Prepare));
        changed.ShouldBeTrue();
        coordinator.Tx.ShouldBe(new TxState(0, TxPhase.Preparing));
        coordinator.OnAck(0).ShouldBeTrue();
        coordinator.Next(20, out _).ShouldBe((0L, CheckpointAction.Commit));
        coordinator.OnAck(0).ShouldBeTrue();
        coordinator.Tx.ShouldBe(new TxState(0, TxPhase.Committed));

        coordinator.Next(500, out _).ShouldBeNull(); // interval not elapsed
        coordinator.Next(1010, out _).ShouldBe((1L, CheckpointAction.Prepare));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Recovery_finishes_or_undoes_the_interrupted_transaction_then_initialises(bool wasPreparing)
    {
        var (phase, first, txidAfter, phaseAfter) = wasPreparing
            ? (TxPhase.Preparing, CheckpointAction.Rollback, 6L, TxPhase.Committed)
            : (TxPhase.Committing, CheckpointAction.Commit, 7L, TxPhase.Committed);
        var coordinator = new CheckpointCoordinator(new TxState(7, phase), intervalMs: 1000);
        coordinator.Next(0, out _).ShouldBe((7L, first));
        coordinator.OnAck(7).ShouldBeTrue();
        coordinator.Tx.ShouldBe(new TxState(txidAfter, phaseAfter));
        coordinator.Next(0, out _).ShouldBe((txidAfter, CheckpointAction.InitState));
        coordinator.OnAck(txidAfter);
        coordinator.Recovering.ShouldBeFalse();
    }

    [Fact]
    public void A_failed_checkpoint_rolls_back_and_a_stale_ack_is_ignored()
    {
        var coordinator = new CheckpointCoordinator(new TxState(3, TxPhase.Committed), intervalMs: 100);
        coordinator.Next(0, out _);
        coordinator.OnAck(3);
        coordinator.Next(0, out _).ShouldBe((4L, CheckpointAction.Prepare));
        coordinator.OnFail();
        coordinator.Recovering.ShouldBeTrue();
        coordinator.OnAck(99).ShouldBeFalse();
        coordinator.Next(0, out _).ShouldBe((4L, CheckpointAction.Rollback));
        coordinator.OnAck(4);
        coordinator.Tx.ShouldBe(new TxState(3, TxPhase.Committed));
    }

    [Fact]
    public void Transaction_state_round_trips_through_its_stored_text()
    {
        TxState.Parse(new TxState(42, TxPhase.Committing).ToString()).ShouldBe(new TxState(42, TxPhase.Committing));
        Should.Throw<FormatException>(() => TxState.Parse("garbage"));
    }

    [Fact]
    public void Aligner_acts_once_per_checkpoint_after_every_input_task_delivered_it()
    {
        var aligner = new CheckpointAligner(inputTasks: 3);
        aligner.Arrive(CheckpointAction.Prepare, 5).ShouldBeFalse();
        aligner.Arrive(CheckpointAction.Prepare, 5).ShouldBeFalse();
        aligner.Arrive(CheckpointAction.Prepare, 5).ShouldBeTrue();
        for (var i = 0; i < 3; i++)
        {
            aligner.Arrive(CheckpointAction.Prepare, 4).ShouldBeFalse(); // older than what was handled
        }
    }
}
