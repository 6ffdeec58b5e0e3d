using Squall.Trident.Runtime;
using static Squall.Trident.Runtime.CoordinatorActionKind;

namespace Squall.Trident.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class BatchCoordinatorTests
{
    [Fact]
    public void Tick_starts_max_pending_batches_with_increasing_txids()
    {
        var coordinator = new BatchCoordinator(committed: 0, firstAttempt: 100, maxPending: 3);
        coordinator.Tick().ShouldBe([new(EmitBatch, 1, 100), new(EmitBatch, 2, 101), new(EmitBatch, 3, 102)]);
        coordinator.Tick().ShouldBeEmpty();
    }

    [Fact]
    public void Tick_resumes_after_the_last_committed_txid()
    {
        var coordinator = new BatchCoordinator(committed: 41, firstAttempt: 1, maxPending: 1);
        coordinator.Tick().ShouldBe([new(EmitBatch, 42, 1)]);
    }

    [Fact]
    public void Commits_go_strictly_in_txid_order_even_when_later_batches_finish_first()
    {
        var coordinator = new BatchCoordinator(0, 10, 3);
        coordinator.Tick();
        coordinator.Ack(new BatchMessage(3, 12, Commit: false)).ShouldBeEmpty();
        coordinator.Ack(new BatchMessage(2, 11, Commit: false)).ShouldBeEmpty();
        coordinator.Ack(new BatchMessage(1, 10, Commit: false)).ShouldBe([new(EmitCommit, 1, 10)]);
        coordinator.Ack(new BatchMessage(1, 10, Commit: true)).ShouldBe([new(Committed, 1, 10), new(EmitCommit, 2, 11)]);
        coordinator.Ack(new BatchMessage(2, 11, Commit: true)).ShouldBe([new(Committed, 2, 11), new(EmitCommit, 3, 12)]);
        coordinator.Committed.ShouldBe(2);
        coordinator.Tick().ShouldBe([new(EmitBatch, 4, 13), new(EmitBatch, 5, 14)]);
    }

    [Fact]
    public void Failure_replays_the_same_txid_and_every_later_one_with_new_attempts()
    {
        var coordinator = new BatchCoordinator(0, 10, 3);
        coordinator.Tick();
        coordinator.Ack(new BatchMessage(3, 12, Commit: false));
        coordinator.Fail(new BatchMessage(2, 11, Commit: false)).ShouldBe([new(EmitBatch, 2, 13), new(EmitBatch, 3, 14)]);
        coordinator.Ack(new BatchMessage(1, 10, Commit: false)).ShouldBe([new(EmitCommit, 1, 10)]);
        coordinator.Ack(new BatchMessage(1, 10, Commit: true)).ShouldBe([new(Committed, 1, 10)]);
        coordinator.Ack(new BatchMessage(2, 13, Commit: false)).ShouldBe([new(EmitCommit, 2, 13)]);
    }

    [Fact]
    public void A_failed_commit_replays_the_batch()
    {
        var coordinator = new BatchCoordinator(0, 10, 1);
        coordinator.Tick();
        coordinator.Ack(new BatchMessage(1, 10, Commit: false));
        coordinator.Fail(new BatchMessage(1, 10, Commit: true)).ShouldBe([new(EmitBatch, 1, 11)]);
        coordinator.Committed.ShouldBe(0);
    }

    [Fact]
    public void Acks_and_failures_of_stale_attempts_are_ignored()
    {
        var coordinator = new BatchCoordinator(0, 10, 1);
        coordinator.Tick();
        coordinator.Fail(new BatchMessage(1, 10, Commit: false));
        coordinator.Ack(new BatchMessage(1, 10, Commit: false)).ShouldBeEmpty();
        coordinator.Fail(new BatchMessage(1, 10, Commit: false)).ShouldBeEmpty();
        coordinator.Ack(new BatchMessage(1, 11, Commit: false)).ShouldBe([new(EmitCommit, 1, 11)]);
    }
}
