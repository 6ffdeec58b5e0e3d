using Squall.Runtime.Messaging;

namespace Squall.Runtime.Tests.Executors;

/// <summary>
/// A producer that found an inbox full is woken once the ring is half empty, not at the first free slot, so a
/// producer faster than its consumer is parked and woken once per half ring rather than once per batch.
/// </summary>
[Trait("Category", "Unit")]
public sealed class InboxSpaceTests
{
    [Fact]
    public void A_waiting_producer_is_activated_once_the_ring_is_half_empty_and_only_once()
    {
        var inbox = new Inbox(8);
        while (inbox.TryPublish(new TupleBatch(1, null)))
        {
        }

        var producer = new CountingActivatable();
        inbox.NotifyOnSpace(producer);

        for (var taken = 1; taken <= 3; taken++)
        {
            inbox.TryTake(out _).ShouldBeTrue();
            producer.Activations.ShouldBe(0, $"woken after {taken} of 8 batches were taken");
        }

        inbox.TryTake(out _).ShouldBeTrue();
        producer.Activations.ShouldBe(1, "woken when 4 of 8 batches are left");

        inbox.TryTake(out _).ShouldBeTrue();
        producer.Activations.ShouldBe(1, "woken once per registration");
    }

    [Fact]
    public void A_parked_producer_is_released_once_the_ring_is_half_empty()
    {
        var inbox = new Inbox(4);
        while (inbox.TryPublish(new TupleBatch(1, null)))
        {
        }

        using var released = new ManualResetEventSlim();
        var producer = new Thread(() =>
        {
            inbox.WaitForSpace(Timeout.InfiniteTimeSpan);
            released.Set();
        });
        producer.Start();

        // Whether the producer parked before or after this take, one free slot of four must not release it.
        inbox.TryTake(out _).ShouldBeTrue();
        inbox.Count.ShouldBe(3);
        inbox.TryTake(out _).ShouldBeTrue();
        released.Wait(TimeSpan.FromSeconds(60)).ShouldBeTrue("the producer was not released with the ring half empty");
        producer.Join();
    }

    private sealed class CountingActivatable : IActivatable
    {
        public int Activations { get; private set; }

        public void Activate() => Activations++;
    }
}
