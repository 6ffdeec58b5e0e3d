using Squall.Runtime.Windowing;

namespace Squall.State.Tests.Windowing;

/// <summary>
/// A persistent window's round trip: a manager saved at any point and restored (items handed back in any order, as a store
/// scan returns them) behaves exactly as the original from then on — same windows, same new and expired items.
/// </summary>
[Trait("Category", "Unit")]
public sealed class WindowManagerRestoreTests
{
    // An op is (kind, item, time): "add" at processing time, "event" at event time, "advance" and "watermark" move time.
    private static readonly Dictionary<string, (WindowSpec Spec, (string Kind, string Item, long Time)[] Script)> Scripts = new()
    {
        ["count sliding"] = (new WindowSpec { LengthCount = 3, SlideCount = 2 },
            [.. "abcdefghi".Select((c, i) => ("add", c.ToString(), (long)i))]),
        ["time sliding (processing)"] = (new WindowSpec { LengthMs = 10_000, SlideMs = 5_000 },
            [("add", "a", 1_000), ("add", "b", 4_000), ("add", "c", 5_000), ("add", "d", 7_000), ("advance", "", 9_999),
             ("add", "e", 12_000), ("advance", "", 20_000), ("add", "f", 21_000), ("advance", "", 40_000), ("add", "g", 41_000), ("advance", "", 45_000)]),
        ["time tumbling (processing)"] = (new WindowSpec { LengthMs = 1_000, SlideMs = 1_000 },
            [("add", "a", 100), ("add", "b", 900), ("advance", "", 60_000), ("add", "c", 60_500), ("advance", "", 61_000), ("add", "d", 61_200), ("advance", "", 62_000)]),
        ["event time sliding, out of order"] = (new WindowSpec { LengthMs = 20, SlideMs = 10, EventTime = true },
            [("event", "c", 8), ("event", "a", 2), ("event", "d", 14), ("event", "b", 5), ("watermark", "", 12), ("event", "e", 13),
             ("event", "g", 33), ("event", "f", 25), ("watermark", "", 27), ("event", "h", 36), ("watermark", "", 50)]),
        ["event time count"] = (new WindowSpec { LengthCount = 2, SlideCount = 2, EventTime = true },
            [("event", "b", 20), ("event", "a", 10), ("event", "d", 40), ("event", "c", 30), ("watermark", "", 35), ("event", "e", 45), ("watermark", "", 50)]),
    };

    public static TheoryData<string> Names => [.. Scripts.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_restored_window_continues_exactly_as_the_original_from_every_point(string name)
    {
        var (spec, script) = Scripts[name];
        var expected = Run(new WindowManager<string>(spec, 0), script);
        for (var cut = 0; cut <= script.Length; cut++)
        {
            var original = new WindowManager<string>(spec, 0);
            var before = Run(original, script[..cut]);
            var (items, state) = original.Save();
            items.Reverse(); // a store's scan has no order
            var restored = WindowManager<string>.Restore(spec, state, items);
            restored.Count.ShouldBe(original.Count, $"{name}, restored after op {cut}");

            var after = Run(restored, script[cut..]);
            before.Concat(after).ShouldBe(expected, $"{name}, restored after op {cut}");
        }
    }

    private static List<string> Run(WindowManager<string> manager, (string Kind, string Item, long Time)[] script)
    {
        var activations = new List<WindowActivation<string>>();
        var evicted = new List<string>();
        foreach (var (kind, item, time) in script)
        {
            switch (kind)
            {
                case "add": manager.Add(item, time, activations, evicted); break;
                case "advance": manager.AdvanceTo(time, activations, evicted); break;
                case "event": manager.TryAddEvent(item, time).ShouldBeTrue(); break;
                default: manager.OnWatermark(time, activations, evicted); break;
            }
        }

        return [.. activations.Select(a => $"{a.End}: [{string.Concat(a.Window)}] new [{string.Concat(a.New)}] expired [{string.Concat(a.Expired)}]")];
    }
}
