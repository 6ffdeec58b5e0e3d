namespace Squall.Runtime.Tests.Testing;

[Trait("Category", "Unit")]
public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Advance_fires_due_timers_in_due_order_each_seeing_its_own_due_time()
    {
        var time = new ManualTimeProvider();
        var start = time.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        using var every2 = time.CreateTimer(_ => fired.Add(("every2", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        using var once3 = time.CreateTimer(_ => fired.Add(("once3", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(1));
        fired.ShouldBeEmpty();
        time.Advance(TimeSpan.FromSeconds(4));

        fired.ShouldBe([("every2", TimeSpan.FromSeconds(2)), ("once3", TimeSpan.FromSeconds(3)), ("every2", TimeSpan.FromSeconds(4))]);
        time.Elapsed.ShouldBe(TimeSpan.FromSeconds(5));
        (time.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_disposed_or_changed_timer_fires_as_told()
    {
        var time = new ManualTimeProvider();
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(2));
        timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(9));
        count.ShouldBe(2);
        time.Advance(TimeSpan.FromSeconds(1));
        count.ShouldBe(3);
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(100));

        count.ShouldBe(3);
    }

    [Fact]
    public void Timestamps_follow_the_manual_clock()
    {
        var time = new ManualTimeProvider();
        var before = time.GetTimestamp();

        time.Advance(TimeSpan.FromMilliseconds(1500));

        time.GetElapsedTime(before).ShouldBe(TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public async Task Task_Delay_on_the_manual_clock_completes_only_when_time_passes()
    {
        var time = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), time);

        time.Advance(TimeSpan.FromSeconds(4));
        delay.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(Wait.DefaultTimeout);
    }
}
