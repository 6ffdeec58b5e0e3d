using Squall.Runtime.Acking;

namespace Squall.Runtime.Tests.Acking;

[Trait("Category", "Unit")]
public sealed class RotatingMapTests
{
    private const int Buckets = 5;

    [Fact]
    public void An_entry_expires_on_the_rotation_that_empties_its_bucket_and_Touch_restarts_it()
    {
        // Added between rotations k and k+1, it expires at rotation k+N: with a rotation every T/(N-1),
        // between T and T*N/(N-1) after it was added.
        var map = new RotatingMap<int>(Buckets);
        map.Add(1, 10);
        map.Add(2, 20);
        for (var i = 1; i < Buckets; i++)
        {
            map.Rotate().Count.ShouldBe(0, $"rotation {i}");
        }

        map.Touch(2).ShouldBeTrue();
        var expired = map.Rotate();

        expired.Keys.ShouldBe([1L]);
        expired[1].ShouldBe(10);
        map.Count.ShouldBe(1);
        map.Touch(1).ShouldBeFalse();
    }

    [Fact]
    public void FindOrAdd_and_Remove_see_entries_in_any_bucket()
    {
        var map = new RotatingMap<int>(Buckets);
        map.FindOrAdd(7) = 70;
        map.Rotate();
        map.Rotate();

        map.FindOrAdd(7).ShouldBe(70);
        map.Remove(7, out var value).ShouldBeTrue();
        value.ShouldBe(70);
        map.Count.ShouldBe(0);
    }
}
