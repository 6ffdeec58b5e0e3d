using Squall.Wire.Hashing;

namespace Squall.Wire.Tests.Hashing;

/// <summary>The unboxed int and long hashes must equal the codec's hash of the boxed value, or fields grouping would move keys.</summary>
[Trait("Category", "Unit")]
public class StableHashNumberTests
{
    public static TheoryData<long> Numbers() => [0, 1, -1, 63, 64, -65, 127, 128, 300, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1234567890123];

    [Theory]
    [MemberData(nameof(Numbers))]
    public void HashInt64_equals_the_codec_hash(long value)
    {
        StableHash.HashInt64(value).ShouldBe(StableHash.Hash(value));
        StableHash.HashInt64(value, seed: 0x9E3779B97F4A7C15).ShouldBe(StableHash.Hash(value, seed: 0x9E3779B97F4A7C15));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void HashInt32_equals_the_codec_hash(long wide)
    {
        var value = unchecked((int)wide);
        StableHash.HashInt32(value).ShouldBe(StableHash.Hash(value));
        StableHash.HashInt32(value, seed: 7).ShouldBe(StableHash.Hash(value, seed: 7));
        StableHash.HashInt32(value).ShouldNotBe(StableHash.HashInt64(value), "an int and a long encode (and hash) differently");
    }

    [Fact]
    public void Hashing_numbers_does_not_allocate()
    {
        StableHash.HashInt32(1);
        StableHash.HashInt64(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            StableHash.HashInt32(i);
            StableHash.HashInt64(i);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
