using Squall.Runtime.EventLogging;

namespace Squall.Runtime.Tests.Metrics;

/// <summary>The debug sampler: a stride, so the share of events logged is exact, restarted when the options change.</summary>
[Trait("Category", "Unit")]
public sealed class EventSamplerTests
{
    [Theory]
    [InlineData(100, 40, 40)]
    [InlineData(10, 95, 9)]
    [InlineData(33.33, 100, 33)]
    [InlineData(0.5, 1000, 5)]
    [InlineData(0, 1000, 0)]
    public void Of_n_events_exactly_the_floor_of_n_times_the_percentage_are_sampled(double percent, int events, int sampled)
    {
        var log = new EventLog(enabled: true) { Options = DebugOptions.Off.With(null, new SamplingSetting(true, percent)) };
        var sampler = new EventSampler(log, "split", 3, TimeProvider.System);

        Enumerable.Range(0, events).Count(_ => sampler.Next()).ShouldBe(sampled);
    }

    [Fact]
    public void A_components_own_switch_wins_and_a_change_restarts_the_stride()
    {
        var log = new EventLog(enabled: true) { Options = DebugOptions.Off.With(null, new SamplingSetting(true, 50)).With("split", new SamplingSetting(false, 50)) };
        var split = new EventSampler(log, "split", 3, TimeProvider.System);
        var count = new EventSampler(log, "count", 4, TimeProvider.System);
        Enumerable.Range(0, 10).Count(_ => split.Next()).ShouldBe(0);
        Enumerable.Range(0, 9).Count(_ => count.Next()).ShouldBe(4);

        log.Options = log.Options.With("count", new SamplingSetting(true, 50));
        count.Next().ShouldBeFalse("the stride restarts: the 2nd event after a change is the first sampled");
        count.Next().ShouldBeTrue();
    }

    [Fact]
    public void Without_an_event_logger_nothing_is_sampled()
    {
        var log = new EventLog(enabled: false) { Options = DebugOptions.Off.With(null, new SamplingSetting(true, 100)) };
        var sampler = new EventSampler(log, "split", 3, TimeProvider.System);

        sampler.Next().ShouldBeFalse();
        log.Options.ShouldBe(DebugOptions.Off);
    }

    [Fact]
    public void The_log_keeps_the_newest_events_oldest_first()
    {
        var log = new EventLog(enabled: true) { Options = DebugOptions.Off.With(null, new SamplingSetting(true, 100)) };
        var sampler = new EventSampler(log, "split", 3, TimeProvider.System);
        for (var i = 0; i < EventLog.Capacity + 5; i++)
        {
            sampler.Emitted("default", [i], messageId: null, []);
        }

        var kept = log.Recent();
        kept.Count.ShouldBe(EventLog.Capacity);
        (kept[0].Values.Single(), kept[^1].Values.Single()).ShouldBe(("5", (EventLog.Capacity + 4).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
