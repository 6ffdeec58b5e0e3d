using Squall.Wire.Codec;
using Squall.Wire.Hashing;
using Squall.Wire.Tests.Support;

namespace Squall.Wire.Tests.Hashing;

[Trait("Category", "Unit")]
public class StableHashTests
{
    [Fact]
    public void Hash_is_xxHash64_of_the_encoded_bytes()
    {
        var values = new object?[] { "word", 42, null, new Point(1, 2, "p") };
        var registry = new SerializerRegistry().Register(new PointSerializer());
        var bytes = values.SelectMany(v => Support.Codec.Encode(v, registry)).ToArray();

        StableHash.Hash(values, registry).ShouldBe(XxHash64.Hash(bytes));
        StableHash.Hash("word").ShouldBe(XxHash64.Hash(Support.Codec.Encode("word")));
    }

    [Fact]
    public void Hash_is_pinned_across_releases()
    {
        // Fields grouping routes by this value in every worker: changing it moves keys between tasks.
        StableHash.Hash("apple").ShouldBe(XxHash64.Hash([15, 5, (byte)'a', (byte)'p', (byte)'p', (byte)'l', (byte)'e']));
        StableHash.Hash(7).ShouldBe(XxHash64.Hash([7, 14]));
    }

    [Fact]
    public void Long_values_hash_the_same_as_their_bytes()
    {
        var text = new string('x', 100_000);
        StableHash.Hash(text).ShouldBe(XxHash64.Hash(Support.Codec.Encode(text)));
    }

    [Fact]
    public void Hashing_strings_and_primitives_does_not_allocate()
    {
        object?[] values = ["a fairly ordinary key", 12345, 6789L, 3.5, true, null, Guid.Empty];
        StableHash.Hash(values);
        var before = GC.GetAllocatedBytesForCurrentThread();
        ulong sum = 0;
        for (var i = 0; i < 100; i++)
        {
            sum += StableHash.Hash(values);
            sum += StableHash.Hash(values[0]);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        sum.ShouldNotBe(0UL);
    }

    [Fact]
    public void Unsupported_value_fails_like_encoding() =>
        Should.Throw<WireEncodingException>(() => StableHash.Hash(new object()));
}
