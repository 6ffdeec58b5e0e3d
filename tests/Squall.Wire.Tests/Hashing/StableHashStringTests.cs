using Squall.Wire.Codec;
using Squall.Wire.Hashing;

namespace Squall.Wire.Tests.Hashing;

/// <summary>The codec-free string hash must equal the codec's, or fields grouping would move keys.</summary>
[Trait("Category", "Unit")]
public class StableHashStringTests
{
    public static TheoryData<string> Strings() =>
    [
        string.Empty,
        "apple",
        "naïve café ☕ 🍎",
        new string('x', 127),
        new string('é', 128),
        new string('y', 129),
        new string('€', 200),
    ];

    [Theory]
    [MemberData(nameof(Strings))]
    public void HashString_equals_the_codec_hash(string value)
    {
        StableHash.HashString(value).ShouldBe(StableHash.Hash(value));
        StableHash.HashString(value, seed: 99).ShouldBe(StableHash.Hash(value, seed: 99));
    }

    [Fact]
    public void HashString_rejects_a_lone_surrogate_like_the_codec()
    {
        Should.Throw<WireEncodingException>(() => StableHash.HashString("a\ud800b"));
    }
}
