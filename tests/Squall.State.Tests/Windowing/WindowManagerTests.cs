using Squall.Runtime.Windowing;

namespace Squall.State.Tests.Windowing;

[Trait("Category", "Unit")]
public sealed class WindowManagerTests
{
    private readonly List<WindowActivation<string>> _activations = [];
    private readonly List<string> _evicted = [];

    [Fact]
    public void Count_sliding_window_holds_the_last_length_items_every_slide()
    {
        var manager = new WindowManager<string>(new WindowSpec { LengthCount = 3, SlideCount = 2 }, 0);
        foreach (var item in new[] { "a", "b", "c", "d", "e", "f" })
        {
            manager.Add(item, 0, _activations, _evicted);
        }

        _activations.Select(a => string.Concat(a.Window)).ShouldBe(["ab", "bcd", "def"]);
        _activations.Select(a => string.Concat(a.New)).ShouldBe(["ab", "cd", "ef"]);
        _activations.Select(a => string.Concat(a.Expired)).ShouldBe(["", "a", "bc"]);
        _evicted.ShouldBe(["a", "b", "c"]);
        _activations[0].Start.ShouldBeNull();
    }

    [Fact]
    public void Windows_stay_exact_after_the_evicted_prefix_is_dropped()
    {
        // Thousands of items: the manager drops its evicted prefix now and then, which must not shift a window being built.
        var manager = new WindowManager<int>(new WindowSpec { LengthCount = 3, SlideCount = 1 }, 0);
        var activations = new List<WindowActivation<int>>();
        for (var i = 0; i < 5_000; i++)
        {
            manager.Add(i, i, activations, []);
        }

        activations.Count.ShouldBe(5_000);
        for (var i = 0; i < activations.Count; i++)
        {
            activations[i].Window.ShouldBe(Enumerable.Range(Math.Max(0, i - 2), Math.Min(i + 1, 3)), $"window {i}");
            activations[i].New.ShouldBe([i]);
        }
    }

    [Fact]
    public void Count_tumbling_window_never_overlaps()
    {
        var manager = new WindowManager<string>(new WindowSpec { LengthCount = 2, SlideCount = 2 }, 0);
        foreach (var item in new[] { "a", "b", "c", "d", "e" })
        {
            manager.Add(item, 0, _activations, _evicted);
        }

        _activations.Select(a => string.Concat(a.Window)).ShouldBe(["ab", "cd"]);
        _activations[1].Expired.ShouldBe(["a", "b"]);
        manager.Count.ShouldBe(3); // c, d still the current window's, e waiting
    }

    [Fact]
    public void Time_sliding_window_on_processing_time_holds_items_within_length_at_each_boundary()
    {
        // Length 10 s, slide 5 s, started at t=0: boundaries 5, 10, 15, 20.
        var manager = new WindowManager<string>(new WindowSpec { LengthMs = 10_000, SlideMs = 5_000 }, 0);
        manager.Add("a", 1_000, _activations, _evicted);
        manager.Add("b", 4_000, _activations, _evicted);
        manager.Add("c", 5_000, _activations, _evicted); // exactly on the boundary: in the window ending at 5
        manager.Add("d", 7_000, _activations, _evicted);
        manager.AdvanceTo(9_999, _activations, _evicted);
        manager.Add("e", 12_000, _activations, _evicted);
        manager.AdvanceTo(20_000, _activations, _evicted);

        _activations.Select(a => (a.End, string.Concat(a.Window))).ShouldBe([(5_000L, "abc"), (10_000L, "abcd"), (15_000L, "de"), (20_000L, "e")]);
        _activations.Select(a => string.Concat(a.New)).ShouldBe(["abc", "d", "e", ""]);
        _activations.Select(a => string.Concat(a.Expired)).ShouldBe(["", "", "abc", "d"]);
        _activations[1].Start.ShouldBe(0);
    }

    [Fact]
    public void Time_tumbling_window_skips_empty_windows_and_reports_each_item_once()
    {
        var manager = new WindowManager<string>(new WindowSpec { LengthMs = 1_000, SlideMs = 1_000 }, 0);
        manager.Add("a", 100, _activations, _evicted);
        manager.Add("b", 900, _activations, _evicted);
        manager.AdvanceTo(60_000, _activations, _evicted); // an idle minute: one window, no empty activations
        manager.Add("c", 60_500, _activations, _evicted);
        manager.AdvanceTo(61_000, _activations, _evicted);

        _activations.Select(a => (a.End, string.Concat(a.Window))).ShouldBe([(1_000L, "ab"), (61_000L, "c")]);
        _activations[1].Expired.ShouldBe(["a", "b"]);
        _evicted.ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Event_time_follows_storms_documented_example()
    {
        // Windowing.md: length 20 s, slide 10 s, lag 5 s; e1..e6 at 6:00:03..6:00:36, watermark 6:00:31.
        var spec = new WindowSpec { LengthMs = 20_000, SlideMs = 10_000, EventTime = true, LagMs = 5_000 };
        var manager = new WindowManager<string>(spec, 0);
        var sixAm = 6 * 3600_000L;
        foreach (var (name, second) in new[] { ("e1", 3), ("e2", 5), ("e3", 7), ("e4", 18), ("e5", 26), ("e6", 36) })
        {
            manager.TryAddEvent(name, sixAm + second * 1000L).ShouldBeTrue();
        }

        manager.OnWatermark(sixAm + 31_000, _activations, _evicted);
        _activations.Select(a => (a.End - sixAm, string.Join(',', a.Window))).ShouldBe(
            [(10_000L, "e1,e2,e3"), (20_000L, "e1,e2,e3,e4"), (30_000L, "e4,e5")]);

        _activations.Clear();
        var eightAm = 8 * 3600_000L;
        foreach (var (name, second) in new[] { ("e7", 25), ("e8", 26), ("e9", 27), ("e10", 39) })
        {
            manager.TryAddEvent(name, eightAm + second * 1000L).ShouldBeTrue();
        }

        manager.OnWatermark(eightAm + 34_000, _activations, _evicted);
        _activations.Select(a => (a.End, string.Join(',', a.Window))).ShouldBe(
            [(sixAm + 40_000, "e5,e6"), (sixAm + 50_000, "e6"), (eightAm + 30_000, "e7,e8,e9")]);
    }

    [Fact]
    public void Event_time_orders_out_of_order_items_and_refuses_late_ones()
    {
        var spec = new WindowSpec { LengthMs = 10, SlideMs = 10, EventTime = true, LagMs = 0 };
        var manager = new WindowManager<string>(spec, 0);
        manager.TryAddEvent("c", 8).ShouldBeTrue();
        manager.TryAddEvent("a", 2).ShouldBeTrue();
        manager.TryAddEvent("b", 5).ShouldBeTrue();
        manager.TryAddEvent("d", 14).ShouldBeTrue();
        manager.OnWatermark(12, _activations, _evicted);

        _activations.Single().Window.ShouldBe(["a", "b", "c"]);
        manager.TryAddEvent("late", 11).ShouldBeFalse(); // at or below the watermark
        manager.TryAddEvent("e", 13).ShouldBeTrue();
        manager.OnWatermark(20, _activations, _evicted);
        _activations[1].Window.ShouldBe(["e", "d"]);
        _activations[1].New.ShouldBe(["e", "d"]);
        _activations[1].Expired.ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Event_time_count_window_counts_in_timestamp_order()
    {
        var spec = new WindowSpec { LengthCount = 2, SlideCount = 2, EventTime = true };
        var manager = new WindowManager<string>(spec, 0);
        manager.TryAddEvent("b", 20);
        manager.TryAddEvent("a", 10);
        manager.TryAddEvent("d", 40);
        manager.TryAddEvent("c", 30);
        manager.OnWatermark(35, _activations, _evicted);

        _activations.Select(a => string.Concat(a.Window)).ShouldBe(["ab"]); // d is past the watermark: not counted yet
        manager.OnWatermark(40, _activations, _evicted);
        _activations.Select(a => string.Concat(a.Window)).ShouldBe(["ab", "cd"]);
    }

    [Fact]
    public void Watermark_is_the_lowest_stream_maximum_minus_the_lag_once_every_stream_delivered()
    {
        var tracker = new WatermarkTracker(5, [("s1", "default"), ("s2", "default")]);
        tracker.Track("s1", "default", 100);
        tracker.Compute().ShouldBeNull();
        tracker.Track("s2", "default", 50);
        tracker.Track("s2", "default", 40); // an older one does not move the maximum back
        tracker.Compute().ShouldBe(45);
    }
}
