using Squall.Wire.Codec;
using Squall.Wire.Tests.Support;

namespace Squall.Wire.Tests.Codec;

[Trait("Category", "Unit")]
public class PropertyTests
{
    private static readonly SerializerRegistry Registry =
        new SerializerRegistry().Register(new PointSerializer()).Register(new EnvelopeSerializer());

    [Fact]
    public void Random_value_trees_round_trip()
    {
        for (var seed = 0; seed < 2000; seed++)
        {
            var value = new RandomValues(seed).Next();
            var bytes = Support.Codec.Encode(value, Registry);
            Equivalence.ShouldBeEquivalent(Support.Codec.Decode(bytes, Registry), value, $"seed {seed}");

            // Determinism: the same value always encodes to the same bytes (fields grouping relies on it).
            Support.Codec.Encode(value, Registry).ShouldBe(bytes, $"seed {seed}");
        }
    }

    [Fact]
    public void Every_truncation_of_random_trees_fails_with_WireFormatException_only()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var bytes = Support.Codec.Encode(new RandomValues(seed).Next(), Registry);
            for (var cut = 0; cut < bytes.Length; cut++)
            {
                var truncated = bytes.AsSpan(0, cut).ToArray();
                Should.Throw<WireFormatException>(() => Support.Codec.Decode(truncated, Registry), $"seed {seed} cut {cut}");
            }
        }
    }

    [Fact]
    public void Random_garbage_and_bit_flips_fail_with_WireFormatException_or_decode()
    {
        var random = new Random(42);
        for (var i = 0; i < 20_000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.Next(0, 64)];
                random.NextBytes(bytes);
            }
            else
            {
                bytes = Support.Codec.Encode(new RandomValues(i).Next(), Registry);
                if (bytes.Length > 0)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }
            }

            try
            {
                Support.Codec.Decode(bytes, Registry);
            }
            catch (WireFormatException)
            {
                // The only acceptable failure.
            }
        }
    }
}
